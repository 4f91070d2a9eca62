import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const SKILL_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const SKILL_MESSAGE = 'skill must be 2-40 lowercase letters, digits or dashes, starting with a letter';

export class PutHelpCategoryDto {
  @ApiProperty({ example: 'first-aid', description: 'The skill a volunteer needs to help with issues of this category.' })
  @Matches(SKILL_PATTERN, { message: SKILL_MESSAGE })
  skill: string;
}

export class HelpCategoryView {
  @ApiProperty() tenantId: string;
  @ApiProperty() category: string;
  @ApiProperty() skill: string;
  @ApiProperty() updatedAt: string;
}
