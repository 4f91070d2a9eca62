import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import type { AcknowledgeIssue } from './acknowledge-issue.command';

/** Who acknowledges comes from the caller's token; the body only carries what they add. */
export class AcknowledgeIssueDto implements AcknowledgeIssue {
  @ApiPropertyOptional({ description: 'The version the caller saw; a different current version is a 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({ example: '已安排物业今晚维修 — property staff will fix it tonight' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
