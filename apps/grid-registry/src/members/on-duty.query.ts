import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsInstant } from '@gridline/platform';

export class OnDutyQuery {
  @ApiPropertyOptional({
    example: '2025-06-30T10:00:00+08:00',
    description: 'An ISO 8601 instant with Z or an offset. Default: now.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'at must be an ISO 8601 instant with Z or an offset, e.g. 2025-06-30T10:00:00+08:00',
  })
  @IsInstant()
  at?: string;
}
