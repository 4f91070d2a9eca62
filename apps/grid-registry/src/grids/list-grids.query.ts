import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '@gridline/platform';
import { type GridLevel, gridLevels } from '@gridline/contracts';

export const MAX_GRIDS_PER_PAGE = 1000;

/** Filters and keyset paging for a district's flat grid list (a district can hold thousands of micro-grids). */
export class ListGridsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this grid.' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({ enum: gridLevels, description: 'Only grids of this level.' })
  @IsOptional()
  @IsIn(gridLevels, { message: `level must be one of ${gridLevels.join(', ')}` })
  level?: GridLevel;

  @ApiPropertyOptional({
    example: '410103001',
    description: 'Only grids whose code sorts after this one: pass the last code of the previous page.',
  })
  @IsOptional()
  @Matches(/^\d{6,30}$/, { message: 'after must be a grid code (6-30 digits)' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_GRIDS_PER_PAGE, default: MAX_GRIDS_PER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_GRIDS_PER_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    example: '2026-11-01T12:00:00+08:00',
    description: 'An ISO 8601 instant: the tree as it was then, from the grid history (see GridVersionView).',
  })
  @IsOptional()
  @IsInstant({ message: 'asOf must be an ISO 8601 date or instant' })
  asOf?: string;

  @ApiPropertyOptional({ default: false, description: 'Include retired grids (left out by default).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeRetired must be true or false' })
  includeRetired?: boolean;
}
