import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export const MAX_PLACES_PER_PAGE = 1000;

/** A district's places, optionally of one grid, ordered by address with keyset paging. */
export class ListPlacesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the places this grid is responsible for.' })
  @IsOptional()
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId?: string;

  @ApiPropertyOptional({
    example: '汝河路22号院',
    description: 'Only places whose address sorts after this one: pass the last address of the previous page.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PLACES_PER_PAGE, default: MAX_PLACES_PER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PLACES_PER_PAGE)
  limit?: number;
}
