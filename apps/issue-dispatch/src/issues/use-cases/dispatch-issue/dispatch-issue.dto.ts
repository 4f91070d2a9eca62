import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CaseActionDto } from '../../case-action.dto';
import type { DispatchIssue } from './dispatch-issue.command';

export class DispatchIssueDto extends CaseActionDto implements DispatchIssue {
  @ApiProperty({ description: 'The grid that is to handle the case.' })
  @IsString()
  @Length(1, 64)
  gridId: string;
}
