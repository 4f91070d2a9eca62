import { ApiProperty } from '@nestjs/swagger';
import type { BoundaryGeometry } from '@gridline/location';
import { GridBoundary } from './grid-boundary.entity';

export class BoundaryView {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({
    description: 'GeoJSON Polygon or MultiPolygon (WGS84 lon/lat).',
    example: {
      type: 'Polygon',
      coordinates: [
        [
          [113.6, 34.7],
          [113.61, 34.7],
          [113.61, 34.71],
          [113.6, 34.71],
          [113.6, 34.7],
        ],
      ],
    },
  })
  boundary: BoundaryGeometry;
  @ApiProperty({
    type: [Number],
    example: [113.6, 34.7, 113.61, 34.71],
    description: '[minLon, minLat, maxLon, maxLat]',
  })
  bbox: number[];
  @ApiProperty({ example: 12 }) positions: number;
  @ApiProperty({ example: 2, description: "The grid's version after the boundary was set." }) version: number;
  @ApiProperty() updatedAt: string;
}

export function toBoundaryView(row: GridBoundary): BoundaryView {
  return {
    gridId: row.gridId,
    tenantId: row.tenantId,
    boundary: row.geometry,
    bbox: [row.minLon, row.minLat, row.maxLon, row.maxLat],
    positions: row.positions,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
