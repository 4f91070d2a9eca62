import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CaseActionDto } from '../../case-action.dto';

export class DispatchIssueDto extends CaseActionDto {
  @ApiProperty({ description: 'The grid that is to handle the case.' })
  @IsString()
  @Length(1, 64)
  gridId: string;
}
