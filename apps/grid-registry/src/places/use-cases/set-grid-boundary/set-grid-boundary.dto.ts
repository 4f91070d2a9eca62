import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * The body of PUT …/boundary: a GeoJSON geometry (RFC 7946, WGS84 lon/lat). The fields are only let through
 * here; the geometry is validated as a whole by places/domain/polygon-validation.ts, so every geometric
 * problem is one 422 INVALID_POLYGON naming the ring and position.
 */
export class SetGridBoundaryDto {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'], example: 'Polygon' })
  @Allow()
  type: unknown;

  @ApiProperty({
    description:
      'Rings of [lon, lat] positions: outer ring counter-clockwise, holes clockwise, each closed (last = first).',
    example: [
      [
        [113.6, 34.7],
        [113.61, 34.7],
        [113.61, 34.71],
        [113.6, 34.71],
        [113.6, 34.7],
      ],
    ],
  })
  @Allow()
  coordinates: unknown;

  @ApiPropertyOptional({ description: 'Ignored: the service computes the bounding box itself.' })
  @Allow()
  bbox?: unknown;
}
