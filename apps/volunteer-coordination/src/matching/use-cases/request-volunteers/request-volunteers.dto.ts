import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '@gridline/platform';
import { SKILL_MESSAGE, SKILL_PATTERN } from '../../../help-categories/help-category.dto';
import type { VolunteerRequest } from './request-volunteers.command';

/** "3 volunteers who can use a ladder, Saturday morning, in 47号院." */
export class RequestVolunteersDto implements VolunteerRequest {
  @ApiProperty({ example: 'ladder', description: 'A skill of the catalogue (GET /v1/skills).' })
  @Matches(SKILL_PATTERN, { message: SKILL_MESSAGE })
  skill: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 50 })
  @IsInt()
  @Min(1)
  @Max(50)
  count: number;

  @ApiProperty({ description: 'The grid the help is for; a grid leader may ask for their grid or below.' })
  @IsString()
  @Length(1, 64)
  gridId: string;

  @ApiProperty({ example: '2026-06-06T09:00:00+08:00' })
  @IsInstant({ message: 'startsAt must be an ISO 8601 time with offset' })
  startsAt: string;

  @ApiProperty({ example: '2026-06-06T12:00:00+08:00', description: 'After startsAt, on the same local day.' })
  @IsInstant({ message: 'endsAt must be an ISO 8601 time with offset' })
  endsAt: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  minLevel?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  certificateRequired?: boolean;

  @ApiPropertyOptional({ example: '帮忙清理楼道杂物' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
