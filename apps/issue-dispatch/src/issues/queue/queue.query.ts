import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_QUEUE_PAGE = 200;
export const DEFAULT_QUEUE_PAGE = 50;

/** Offset paging over the dispatch centre's queue: it is short (what no router could place), so offsets are cheap. */
export class QueueQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_QUEUE_PAGE, default: DEFAULT_QUEUE_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_QUEUE_PAGE, { message: `limit must be at most ${MAX_QUEUE_PAGE}` })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'How many queued cases to skip, oldest first.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must not be negative' })
  @Max(1_000_000, { message: 'offset must be at most 1000000' })
  offset?: number;
}
