import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Open311's `jurisdiction_id` is our district (tenant) id. */
export class JurisdictionQuery {
  @ApiProperty({ example: 'erqi', description: 'The district (tenant) id.' })
  @IsString({ message: 'jurisdiction_id is required' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'jurisdiction_id must be 2-40 lowercase letters, digits or dashes' })
  jurisdiction_id: string;

  @ApiPropertyOptional({
    description: "A civic app's key: optional on GET, where it buys the app its own, higher rate limit.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  api_key?: string;
}

export class ServiceCodeParams {
  @ApiProperty({ example: 'street-lighting' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'service_code must be lowercase words joined by dashes' })
  code: string;
}

export class Open311Service {
  @ApiProperty() service_code: string;
  @ApiProperty() service_name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'True: the service has attributes (GET services/{code}.json).' }) metadata: boolean;
  @ApiProperty({ enum: ['realtime', 'batch', 'blackbox'] }) type: 'realtime';
  @ApiProperty({ description: 'Comma-separated.' }) keywords: string;
  @ApiProperty() group: string;
}

export class Open311AttributeValueView {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
}

export class Open311AttributeView {
  @ApiProperty() variable: boolean;
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] })
  datatype: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ nullable: true, type: String }) datatype_description: string | null;
  @ApiProperty() order: number;
  @ApiProperty() description: string;
  @ApiProperty({ type: [Open311AttributeValueView] }) values: Open311AttributeValueView[];
}

export class Open311ServiceDefinition {
  @ApiProperty() service_code: string;
  @ApiProperty({ type: [Open311AttributeView] }) attributes: Open311AttributeView[];
}

export class Open311DiscoveryEndpoint {
  @ApiProperty() specification: string;
  @ApiProperty() url: string;
  @ApiProperty() changeset: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: [String] }) formats: string[];
}

export class Open311Discovery {
  @ApiProperty() changeset: string;
  @ApiProperty() contact: string;
  @ApiProperty() key_service: string;
  @ApiProperty({ type: [Open311DiscoveryEndpoint] }) endpoints: Open311DiscoveryEndpoint[];
}

export class Open311ErrorView {
  @ApiProperty({ example: 400 }) code: number;
  @ApiProperty({
    example: 'LOCATION_NOT_IN_DISTRICT: the location (113.7, 34.7) lies within no grid boundary of district erqi',
  })
  description: string;
}
