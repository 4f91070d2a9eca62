import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsInstant, NotAfter } from '@gridline/platform';
import { JurisdictionQuery } from '../../open311.dto';
import type { ServiceRequestSearch } from './list-service-requests.command';

/** What a client may send as an id: ours are UUIDs, but a client mixing systems may hold others. */
const requestId = '[A-Za-z0-9._:-]{1,64}';
const code = '[a-z][a-z0-9-]{1,39}';

export class ListServiceRequestsQuery extends JurisdictionQuery implements ServiceRequestSearch {
  @ApiPropertyOptional({
    description:
      'Comma-separated ids; when given, the other filters are ignored (Open311). Ids are opaque to clients: one this ' +
      'endpoint never issued (not of its form, or of another district) matches nothing rather than being refused.',
  })
  @IsOptional()
  @Matches(new RegExp(`^${requestId}(,${requestId}){0,199}$`), {
    message: 'service_request_id must be up to 200 comma-separated ids (letters, digits, . _ : -; at most 64 each)',
  })
  service_request_id?: string;

  @ApiPropertyOptional({ description: 'Comma-separated service codes.' })
  @IsOptional()
  @Matches(new RegExp(`^${code}(,${code}){0,49}$`), { message: 'service_code must be comma-separated service codes' })
  service_code?: string;

  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+08:00',
    description: 'Requested at or after (W3C date-time), not after end_date. Default: 90 days before end_date.',
  })
  @IsOptional()
  @IsInstant({ message: 'start_date must be a W3C date-time such as 2026-11-01T00:00:00Z' })
  @NotAfter('end_date')
  start_date?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Requested at or before. Default: now.' })
  @IsOptional()
  @IsInstant({ message: 'end_date must be a W3C date-time such as 2026-12-01T00:00:00Z' })
  end_date?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed', 'open,closed'] })
  @IsOptional()
  @Matches(/^(open|closed)(,(open|closed))?$/, { message: 'status must be open, closed or open,closed' })
  status?: string;
}

export class RequestIdParams {
  @ApiProperty()
  @Matches(/^[^/]{1,100}$/, { message: 'id must be a request id' })
  id: string;
}

/** One service request as Open311 shows it: public fields only — never the reporter's name, phone or e-mail. */
@ApiSchema({ name: 'Open311ServiceRequest' })
export class Open311ServiceRequestView {
  @ApiProperty() service_request_id: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({
    description: 'The case state behind open/closed and who holds it, e.g. "acknowledged; held at community level".',
  })
  status_notes: string;
  @ApiProperty() service_name: string;
  @ApiProperty() service_code: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'The grid (or centre) now holding the case.' }) agency_responsible: string;
  @ApiProperty({ nullable: true, type: String }) service_notice: string | null;
  @ApiProperty() requested_datetime: string;
  @ApiProperty() updated_datetime: string;
  @ApiProperty({ nullable: true, type: String }) expected_datetime: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) address_id: string | null;
  @ApiProperty({ nullable: true, type: String }) zipcode: string | null;
  @ApiProperty({ nullable: true, type: Number }) lat: number | null;
  @ApiProperty({ nullable: true, type: Number }) long: number | null;
  @ApiProperty({ nullable: true, type: String }) media_url: string | null;
}
