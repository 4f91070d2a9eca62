import { ApiProperty } from '@nestjs/swagger';
import { dedicatedKinds, gridLevels } from '@gridline/contracts';
import { Resolution } from '../../domain/location-resolver';

export class ResolutionView {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ enum: gridLevels }) level: string;
  @ApiProperty({ example: '41010300100203004' }) code: string;
  @ApiProperty({ example: '汝河路22号院' }) name: string;
  @ApiProperty({ enum: dedicatedKinds, nullable: true }) dedicated: string | null;
  @ApiProperty({
    enum: ['address', 'boundary'],
    description: 'address: a place (or a grid) registered under it; boundary: the point lies within the grid.',
  })
  matchedBy: 'address' | 'boundary';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The place whose address matched.' })
  placeId: string | null;
}

export function toResolutionView({ grid, matchedBy, placeId }: Resolution): ResolutionView {
  return {
    gridId: grid.gridId,
    level: grid.level,
    code: grid.code,
    name: grid.name,
    dedicated: grid.dedicated,
    matchedBy,
    placeId,
  };
}
