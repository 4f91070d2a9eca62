import { ApiProperty } from '@nestjs/swagger';
import { dedicatedKinds, gridLevels, gridStatuses } from '@gridline/contracts';
import { Grid } from './grid.entity';
import { Member } from './member.entity';

export class LeaderView {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ example: '刘鸣' }) name: string;
}

/** A grid as clients see it. The leader's phone is never part of it. */
export class GridView {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ enum: gridLevels }) level: string;
  @ApiProperty({ example: '41010300100203004' }) code: string;
  @ApiProperty({ example: '汝河路22号院' }) name: string;
  @ApiProperty({ enum: dedicatedKinds, nullable: true }) dedicated: string | null;
  @ApiProperty({ type: [String], example: ['汝河路22号院'] }) addresses: string[];
  @ApiProperty({ type: LeaderView, nullable: true }) leader: LeaderView | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ enum: gridStatuses, example: 'active' }) status: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function toGridView(grid: Grid, leader: Member | null): GridView {
  return {
    gridId: grid.id,
    tenantId: grid.tenantId,
    parentId: grid.parentId,
    level: grid.level,
    code: grid.code,
    name: grid.name,
    dedicated: grid.dedicated,
    addresses: [...grid.addresses],
    leader: leader ? { memberId: leader.id, name: leader.name } : null,
    version: grid.version,
    status: grid.status,
    createdAt: grid.createdAt.toISOString(),
    updatedAt: grid.updatedAt.toISOString(),
  };
}
