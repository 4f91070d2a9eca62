import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { CaseActionDto } from '../../case-action.dto';
import type { VerifyIssue } from './verify-issue.command';

export class VerifyIssueDto extends CaseActionDto implements VerifyIssue {
  @ApiProperty({
    description: 'true: the problem is gone (verified); false: it is not (the case is reopened for rework).',
  })
  @IsBoolean()
  passed: boolean;
}
