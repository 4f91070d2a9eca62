import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Permit } from '@gridline/platform';
import { knownSkills, namedSkillLevels } from './domain/skill-catalogue';

export class SkillCatalogueView {
  @ApiProperty({ type: String, isArray: true }) skills: string[];
  @ApiProperty({ example: namedSkillLevels, description: 'Named levels and the numbers they stand for.' })
  levels: Record<string, number>;
}

@ApiTags('volunteers')
@Controller('v1/skills')
export class SkillsController {
  @Get()
  @Permit('anyone-signed-in')
  @ApiOperation({ summary: 'The skill catalogue: the only skills volunteers, help categories and requests may name' })
  @ApiOkResponse({ type: SkillCatalogueView })
  list(): SkillCatalogueView {
    return { skills: [...knownSkills], levels: { ...namedSkillLevels } };
  }
}
