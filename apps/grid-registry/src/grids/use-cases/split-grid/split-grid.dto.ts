import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { dedicatedKinds } from '@gridline/contracts';
import { Trim } from '../../../http/trim';
import type { DedicatedKind } from '../../domain/dedicated-kind';
import { EffectiveFromDto } from '../../effective-from.dto';
import { GridLeaderDto } from '../../grid-leader.dto';
import type { GridSplitPlan, SplitPart } from './split-grid.command';

/** One new grid of a split: its name and what it takes over from the split grid. */
export class SplitPartDto implements SplitPart {
  @ApiProperty({ example: '桃源社区第一网格', minLength: 1, maxLength: 60 })
  @Trim()
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ enum: dedicatedKinds, description: "Default: the split grid's kind." })
  @IsOptional()
  @IsIn(dedicatedKinds, { message: `dedicated must be one of ${dedicatedKinds.join(', ')}` })
  dedicated?: DedicatedKind;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Child grids of the split grid this part takes (with their subtrees).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'childIds must be UUIDs' })
  childIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Places of the split grid that stand on their own (courtyards…); the places inside them follow.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'placeIds must be UUIDs' })
  placeIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['47号院'],
    description: 'Addresses of the split grid this part claims.',
  })
  @IsOptional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  addresses?: string[];

  @ApiPropertyOptional({
    description: 'GeoJSON Polygon or MultiPolygon; required for every part when the split grid had a boundary.',
  })
  @IsOptional()
  @Allow()
  boundary?: unknown;

  @ApiPropertyOptional({ type: GridLeaderDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GridLeaderDto)
  leader?: GridLeaderDto;
}

export class SplitGridDto extends EffectiveFromDto implements GridSplitPlan {
  @ApiProperty({
    type: [SplitPartDto],
    minItems: 2,
    maxItems: 20,
    description: 'The new sibling grids, which share out everything the split grid holds.',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'parts must name at least two grids' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SplitPartDto)
  parts: SplitPartDto[];
}
