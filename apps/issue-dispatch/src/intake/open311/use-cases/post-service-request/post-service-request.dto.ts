import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JurisdictionQuery } from '../../open311.dto';
import type { Open311RequestForm } from './post-service-request.command';

/**
 * The form of Open311's POST requests.json (application/x-www-form-urlencoded). Only its shape is checked here
 * (single text values; lat/long numbers); the content is checked by the very rules of our REST report
 * (ReportIssueDto) after mapping, so both doors accept and refuse the same things.
 */
export class PostServiceRequestDto extends JurisdictionQuery implements Open311RequestForm {
  @ApiProperty({ example: 'street-lighting', description: "One of the district's categories (GET services.json)." })
  @IsString({ message: 'service_code is required' })
  @MaxLength(40)
  service_code: string;

  @ApiPropertyOptional({
    example: '34.701',
    description: 'WGS84; with `long`. Or give `address_string` or `address_id`.',
  })
  @IsOptional()
  @IsLatitude({ message: 'lat must be a latitude between -90 and 90' })
  lat?: string;

  @ApiPropertyOptional({ example: '113.601' })
  @IsOptional()
  @IsLongitude({ message: 'long must be a longitude between -180 and 180' })
  long?: string;

  @ApiPropertyOptional({ example: '嵩山路47号院', description: 'A registered courtyard or building of the district.' })
  @IsOptional()
  @IsString({ message: 'address_string must be one text value' })
  @MaxLength(500)
  address_string?: string;

  @ApiPropertyOptional({ description: "A place id of the district's register (grid-registry places)." })
  @IsOptional()
  @IsString({ message: 'address_id must be one text value' })
  @MaxLength(64)
  address_id?: string;

  @ApiPropertyOptional({ description: 'At most 2000 characters.' })
  @IsOptional()
  @IsString({ message: 'description must be one text value' })
  @MaxLength(100_000)
  description?: string;

  @ApiPropertyOptional({ description: 'A photo by URL (http or https).' })
  @IsOptional()
  @IsString({ message: 'media_url must be one text value' })
  @MaxLength(100_000)
  media_url?: string;

  @ApiPropertyOptional({ description: 'Private: never in events or in GET requests.' })
  @IsOptional()
  @IsString({ message: 'email must be one text value' })
  @MaxLength(1000)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'first_name must be one text value' })
  @MaxLength(1000)
  first_name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'last_name must be one text value' })
  @MaxLength(1000)
  last_name?: string;
  @ApiPropertyOptional({ description: 'Private.' })
  @IsOptional()
  @IsString({ message: 'phone must be one text value' })
  @MaxLength(1000)
  phone?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'device_id must be one text value' })
  @MaxLength(200)
  device_id?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'account_id must be one text value' })
  @MaxLength(200)
  account_id?: string;

  @ApiPropertyOptional({ description: 'Answers as attribute[CODE]=value (see services/{code}.json).', type: Object })
  @IsOptional()
  @IsObject({ message: 'attribute must be given as attribute[CODE]=value' })
  attribute?: Record<string, unknown>;
}

@ApiSchema({ name: 'PostServiceRequestResponse' })
export class PostedServiceRequestView {
  @ApiProperty() service_request_id: string;
  @ApiProperty({ description: 'What happens next, and any earlier open requests that look like the same problem.' })
  service_notice: string;
  @ApiProperty({ nullable: true, type: String }) account_id: null;
}
