import { ApiProperty } from '@nestjs/swagger';
import { dedicatedKinds, gridLevels } from '@gridline/contracts';
import type { BoundaryGeometry } from '@gridline/location';

/** What a map needs to label and colour a grid; the grid's people are not in it. */
export class BoundaryFeatureProperties {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: '47号院' }) name: string;
  @ApiProperty({ enum: gridLevels }) level: string;
  @ApiProperty({
    enum: dedicatedKinds,
    nullable: true,
    type: String,
    description: 'What a dedicated grid (专属网格) serves; null for a plain grid.',
  })
  kind: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a street' }) parentId:
    string | null;
}

export class BoundaryFeature {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ format: 'uuid', description: 'The grid id, for map feature state.' }) id: string;
  @ApiProperty({
    type: [Number],
    example: [113.6, 34.7, 113.61, 34.71],
    description: '[minLon, minLat, maxLon, maxLat]',
  })
  bbox: number[];
  @ApiProperty({
    description: 'GeoJSON Polygon or MultiPolygon (WGS84 lon/lat), as drawn with PUT …/grids/{gridId}/boundary.',
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
  geometry: BoundaryGeometry;
  @ApiProperty({ type: BoundaryFeatureProperties }) properties: BoundaryFeatureProperties;
}

/** RFC 7946 FeatureCollection: one Feature per active grid with a boundary, ordered by grid code (parents first). */
export class BoundaryCollectionView {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [BoundaryFeature] }) features: BoundaryFeature[];
}
