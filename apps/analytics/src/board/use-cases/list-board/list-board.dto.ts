import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { holderLevels } from '@gridline/contracts';
import { ListBoardCommand } from './list-board.command';

export const MAX_BOARD_PAGE = 200;
export const MAX_BOARD_OFFSET = 10_000;
const yesNo = ['true', 'false'] as const;
/** A category code as issue-dispatch accepts it: lowercase words joined by dashes. */
export const CATEGORY_CODE = /^[a-z][a-z0-9-]{1,39}$/;

export class ListBoardQuery implements ListBoardCommand {
  @ApiPropertyOptional({ enum: holderLevels, description: 'Only cases held at this level.' })
  @IsOptional()
  @IsIn(holderLevels, { message: `level must be one of ${holderLevels.join(', ')}` })
  level?: (typeof holderLevels)[number];

  @ApiPropertyOptional({
    enum: yesNo,
    description: 'Only cases whose current deadline has passed (true) or has not (false).',
  })
  @IsOptional()
  @IsIn(yesNo, { message: 'overdue must be true or false' })
  overdue?: (typeof yesNo)[number];

  @ApiPropertyOptional({
    enum: yesNo,
    description: 'Only critical cases (escalated to the city centre), or only the others.',
  })
  @IsOptional()
  @IsIn(yesNo, { message: 'critical must be true or false' })
  critical?: (typeof yesNo)[number];

  @ApiPropertyOptional({
    example: 'fire-lane',
    pattern: CATEGORY_CODE.source,
    description: 'Only cases of this category (its code).',
  })
  @IsOptional()
  @Matches(CATEGORY_CODE, { message: 'category must be a category code: lowercase words joined by dashes' })
  category?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only cases held, or first dispatched, in this grid or any grid below it (a street takes its communities, grids and micro-grids). 404 GRID_NOT_FOUND when the district has no such grid.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'gridId must be a grid id (a UUID)' })
  gridId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_BOARD_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_BOARD_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_BOARD_OFFSET,
    default: 0,
    description: 'Cases to skip, for the next page.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(MAX_BOARD_OFFSET)
  offset?: number;
}

export class BoardLevelView {
  @ApiProperty({ enum: holderLevels }) level: string;
  @ApiProperty({ description: 'Open cases held at this level.' }) open: number;
  @ApiProperty({ description: 'Of those, past their current deadline.' }) overdue: number;
  @ApiProperty() critical: number;
  @ApiProperty() parked: number;
}

export class BoardItemView {
  @ApiProperty() tenantId: string;
  @ApiProperty() issueId: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ enum: ['reported', 'accepted', 'dispatched', 'acknowledged', 'in-progress', 'resolved', 'verified'] })
  state: string;
  @ApiProperty({ enum: holderLevels }) level: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the district and city dispatch centres.' })
  gridId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The holder grid's name; null for a dispatch centre or a grid analytics does not know.",
  })
  gridName: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The grid the case was first dispatched to (the smallest, responsible grid); null while never dispatched.',
  })
  originGridId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "That grid's name." }) originGridName: string | null;
  @ApiProperty({ description: 'Escalations since dispatch.' }) depth: number;
  @ApiProperty({ description: 'Escalated to the city centre.' }) critical: boolean;
  @ApiProperty({ description: 'Parked (挂账): clocks paused.' }) parked: boolean;
  @ApiProperty({ description: 'The current deadline has passed.' }) overdue: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The ack deadline while waiting to be taken, the resolve deadline while handled; null when no clock runs.',
  })
  deadline: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds since the report.' }) ageSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds at the current holder.' }) atLevelSeconds:
    number | null;
  @ApiProperty({ nullable: true, type: String }) reportedAt: string | null;
}

export class BoardView {
  @ApiProperty({ nullable: true, type: String, description: 'null on the city board.' }) tenantId: string | null;
  @ApiProperty({ description: 'The time overdue and ages were computed for.' }) asOf: string;
  @ApiProperty({
    type: BoardLevelView,
    isArray: true,
    description:
      'Every holder level, micro first, counted without the level, overdue and critical filters (but within category and gridId).',
  })
  levels: BoardLevelView[];
  @ApiProperty({ description: 'Cases matching the filters, all pages.' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({
    type: BoardItemView,
    isArray: true,
    description: 'Most urgent first: critical, then overdue, then by deadline, then oldest.',
  })
  items: BoardItemView[];
}
