import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { RejectionReason, rejectionReasons } from '@gridline/contracts';
import { VersionedCaseActionDto } from '../../case-action.dto';
import type { RejectIssue } from './reject-issue.command';

export class RejectIssueDto extends VersionedCaseActionDto implements RejectIssue {
  @ApiProperty({ enum: rejectionReasons })
  @IsIn(rejectionReasons)
  reason: RejectionReason;

  @ApiProperty({ example: '同一路灯已有工单 — already reported', description: 'Why; kept in the case history only.' })
  @IsString()
  @Length(1, 500)
  note: string;

  @ApiPropertyOptional({ description: 'Required for `duplicate`: the issue this one duplicates (same district).' })
  @ValidateIf((dto: RejectIssueDto) => dto.reason === 'duplicate' || dto.duplicateOf !== undefined)
  @IsUUID('all', { message: 'duplicateOf must be the id of the issue this one duplicates' })
  duplicateOf?: string;
}
