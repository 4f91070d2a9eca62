import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { HelpCategoryPolicy } from './use-cases/put-help-category/put-help-category.command';

export const SKILL_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const SKILL_MESSAGE = 'skill must be 2-40 lowercase letters, digits or dashes, starting with a letter';

export class PutHelpCategoryDto implements HelpCategoryPolicy {
  @ApiProperty({
    example: 'first-aid',
    description: 'The skill (from GET /v1/skills) a volunteer needs to help with issues of this category.',
  })
  @Matches(SKILL_PATTERN, { message: SKILL_MESSAGE })
  skill: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3,
    default: 1,
    description: 'The least skill level (1 basic, 2 skilled, 3 expert).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  minLevel?: number;

  @ApiPropertyOptional({ default: false, description: 'Only volunteers with a valid certificate for the skill.' })
  @IsOptional()
  @IsBoolean()
  certificateRequired?: boolean;
}

export class HelpCategoryView {
  @ApiProperty() tenantId: string;
  @ApiProperty() category: string;
  @ApiProperty() skill: string;
  @ApiProperty() minLevel: number;
  @ApiProperty() certificateRequired: boolean;
  @ApiProperty() updatedAt: string;
}
