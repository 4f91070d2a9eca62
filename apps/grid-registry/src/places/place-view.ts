import { ApiProperty } from '@nestjs/swagger';
import { placeKinds } from '@gridline/contracts';
import { Place } from './place.entity';

export class PointView {
  @ApiProperty({ example: 113.6203, minimum: -180, maximum: 180 }) lon: number;
  @ApiProperty({ example: 34.7466, minimum: -90, maximum: 90 }) lat: number;
}

export class PlaceView {
  @ApiProperty({ format: 'uuid' }) placeId: string;
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentPlaceId: string | null;
  @ApiProperty({ enum: placeKinds }) kind: string;
  @ApiProperty({ example: '汝河路22号院' }) name: string;
  @ApiProperty({ example: '汝河路22号院', description: 'Normalised: full-width digits as ASCII, no stray spaces.' })
  address: string;
  @ApiProperty({ type: PointView, nullable: true }) point: PointView | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function toPlaceView(place: Place): PlaceView {
  return {
    placeId: place.id,
    tenantId: place.tenantId,
    gridId: place.gridId,
    parentPlaceId: place.parentPlaceId,
    kind: place.kind,
    name: place.name,
    address: place.address,
    point: place.lon !== null && place.lat !== null ? { lon: place.lon, lat: place.lat } : null,
    version: place.version,
    createdAt: place.createdAt.toISOString(),
    updatedAt: place.updatedAt.toISOString(),
  };
}
