import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ReportedLocation, ReportedProblem, ReporterContact } from './report-issue.command';

export class ReporterDto implements ReporterContact {
  @ApiProperty({ example: '王女士' })
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ example: '13800000000', description: 'Private: never published in events or public APIs.' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5-20 digits' })
  phone?: string;

  @ApiPropertyOptional({
    example: 'wang@example.org',
    description: 'Private, like the phone: only the reporter and district staff see it.',
  })
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;
}

/** Where the reporter is, e.g. from a phone's GPS: WGS84 degrees. */
export class LocationDto implements ReportedLocation {
  @ApiProperty({ example: 113.6203, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lon must be a number' })
  @Min(-180)
  @Max(180)
  lon: number;

  @ApiProperty({ example: 34.7466, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lat must be a number' })
  @Min(-90)
  @Max(90)
  lat: number;
}

export class ReportIssueDto implements ReportedProblem {
  @ApiProperty({ example: 'street-lighting', description: "One of the district's categories." })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'category must be lowercase words joined by dashes' })
  category: string;

  @ApiPropertyOptional({ description: 'The grid the problem is in. Give this, `address` or `location`.' })
  @ValidateIf((dto: ReportIssueDto) => dto.address === undefined && dto.location === undefined)
  @IsString({ message: 'one of gridId, address or location is required' })
  @Length(1, 64)
  gridId?: string;

  @ApiPropertyOptional({
    example: '汝河路22号院',
    description: 'A registered courtyard or building; routes to the grid that holds it.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  address?: string;

  @ApiPropertyOptional({
    type: LocationDto,
    description:
      'Where the problem is; routes to the deepest grid whose boundary contains it (a dedicated grid first). Also the fallback for an unknown address.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiProperty({ example: '楼道灯不亮 — the stairwell light is out' })
  @IsString()
  @Length(1, 2000, { message: 'description must be 1-2000 characters' })
  description: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 5,
    example: ['https://photos.example.org/lamp.jpg'],
    description: 'Photos by URL (http or https, at most 5, each at most 2048 characters).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5, { message: 'photoUrls may hold at most 5 photos' })
  @MaxLength(2048, { each: true, message: 'each of photoUrls must be at most 2048 characters' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, max_allowed_length: 2048 },
    { each: true, message: 'each of photoUrls must be an http or https URL' },
  )
  photoUrls?: string[];

  @ApiPropertyOptional({
    enum: ['resident', 'patrol', 'visit'],
    default: 'resident',
    description:
      '`patrol` and `visit` (入户走访) are for grid leaders and workers only (403 FORBIDDEN_CHANNEL otherwise).',
  })
  @IsOptional()
  @IsIn(['resident', 'patrol', 'visit'])
  channel?: 'resident' | 'patrol' | 'visit';

  @ApiProperty({
    type: ReporterDto,
    description: "The reporter's contact: private, never in events; only the reporter and district staff read it.",
  })
  @IsDefined({ message: 'reporter is required: { name, phone?, email? }' })
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter: ReporterDto;
}

export class IssueView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() category: string;
  @ApiProperty() state: string;
  @ApiProperty({ nullable: true, type: String }) holderGridId: string | null;
  @ApiProperty() holderLevel: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The grid first dispatched to; null while the report waits in the dispatch centre's queue.",
  })
  originGridId: string | null;
  @ApiProperty() escalationDepth: number;
  @ApiProperty() critical: boolean;
  @ApiProperty({ nullable: true, type: String }) ackDeadline: string | null;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty() version: number;
}
