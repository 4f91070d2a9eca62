import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { VersionedCaseActionDto } from '../../case-action.dto';
import type { RateIssue } from './rate-issue.command';

export class RateIssueDto extends VersionedCaseActionDto implements RateIssue {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({
    example: '处理及时，非常满意',
    description: 'Kept in issue-dispatch; never on public topics.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  comment?: string;
}
