import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';

export const MAX_ACCESS_LOG_PAGE = 200;
export const MAX_ACCESS_LOG_OFFSET = 10_000;

export class ContactAccessLogQuery {
  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+08:00',
    description: 'Reads at or after this instant (ISO 8601).',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00+08:00',
    description: 'Reads before this instant (ISO 8601); not before `from`.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ description: "Only reads by this person (the reader's token subject)." })
  @IsOptional()
  @Length(1, 200, { message: 'subject must be 1-200 characters' })
  subject?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only reads of this case's reporter contact (issue-dispatch)." })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only reads of this member's phone (grid-registry)." })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ACCESS_LOG_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_ACCESS_LOG_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_ACCESS_LOG_OFFSET,
    default: 0,
    description: 'Rows to skip, for the next page (narrow by `from`/`to` beyond that).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(MAX_ACCESS_LOG_OFFSET)
  offset?: number;
}

export class AccessLogReaderView {
  @ApiProperty({ description: 'Token subject.' }) subject: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ type: Object, isArray: true, description: 'The roles the token carried: `{ role, grid? }`.' })
  roles: object[];
}

export class ContactAccessView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'When the answer was given.' }) at: string;
  @ApiProperty({ type: AccessLogReaderView }) reader: AccessLogReaderView;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) memberId: string | null;
  @ApiProperty({ type: [String], example: ['name', 'phone'] }) fields: string[];
  @ApiProperty({ example: 'GET /v1/tenants/:tenantId/issues/:issueId' }) route: string;
  @ApiProperty({ example: 'case-view' }) purpose: string;
  @ApiProperty({ nullable: true, type: String }) correlationId: string | null;
}

export class ContactAccessPageView {
  @ApiProperty() tenantId: string;
  @ApiProperty({ description: 'Rows matching the filters, all pages.' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ type: ContactAccessView, isArray: true, description: 'Newest first.' }) items: ContactAccessView[];
}
