import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ReasonedCaseActionDto } from '../../case-action.dto';
import type { ReassignIssue } from './reassign-issue.command';

export class ReassignIssueDto extends ReasonedCaseActionDto implements ReassignIssue {
  @ApiProperty({ description: 'The member of the holding grid (their identity subject) who takes the case over.' })
  @IsString()
  @Length(1, 200)
  assigneeSubject: string;
}
