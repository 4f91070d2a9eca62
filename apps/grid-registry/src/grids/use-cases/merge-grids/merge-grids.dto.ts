import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { EffectiveFromDto } from '../../effective-from.dto';
import type { GridMerge } from './merge-grids.command';

export class MergeGridsDto extends EffectiveFromDto implements GridMerge {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 20,
    description: 'Sibling grids (same parent, level and kind) to merge into the grid of the path; each retires.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'absorbedGridIds must name at least one grid' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'absorbedGridIds must not repeat a grid' })
  @IsUUID('all', { each: true, message: 'absorbedGridIds must be UUIDs' })
  absorbedGridIds: string[];

  @ApiPropertyOptional({
    description:
      "The merged grid's new boundary (GeoJSON Polygon or MultiPolygon). Default: the polygons of every merged grid that has a boundary, as one MultiPolygon.",
  })
  @IsOptional()
  @Allow()
  boundary?: unknown;
}
