import { ApiProperty } from '@nestjs/swagger';
import { dedicatedKinds, gridLevels, gridStatuses } from '@gridline/contracts';
import { GridVersion } from './grid-version.entity';

/** A grid as it stood at an instant (`?asOf=`): its place in the tree then, and the period that state held. */
export class GridVersionView {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ enum: gridLevels }) level: string;
  @ApiProperty({ example: '41010300100203004' }) code: string;
  @ApiProperty({ example: '汝河路22号院' }) name: string;
  @ApiProperty({ enum: dedicatedKinds, nullable: true }) dedicated: string | null;
  @ApiProperty({ enum: gridStatuses }) status: string;
  @ApiProperty({ example: 2, description: 'The grid state version that opened this period.' }) version: number;
  @ApiProperty() validFrom: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null while this is the current state.' }) validTo:
    string | null;
}

export function toGridVersionView(row: GridVersion): GridVersionView {
  return {
    gridId: row.gridId,
    tenantId: row.tenantId,
    parentId: row.parentId,
    level: row.level,
    code: row.code,
    name: row.name,
    dedicated: row.dedicated,
    status: row.status,
    version: row.version,
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo ? row.validTo.toISOString() : null,
  };
}
