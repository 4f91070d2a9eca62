import { ApiProperty } from '@nestjs/swagger';
import { gridLevels } from '@gridline/contracts';

export class MissingGridView {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: '汝河路22号院' }) name: string;
  @ApiProperty({ example: '41010300100203004' }) code: string;
  @ApiProperty({ enum: gridLevels }) level: string;
  @ApiProperty({
    enum: ['pending', 'missed'],
    description: 'pending: not checked in yet, cut-off not run; missed: recorded as missed at the cut-off.',
  })
  status: 'pending' | 'missed';
}

/** The grids of a district that owe a check-in for a day and have none. */
export class MissingGridsView {
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ example: '2025-06-30' }) date: string;
  @ApiProperty({ enum: ['pending', 'missed'], description: "missed once the day's cut-off has run, pending before." })
  status: 'pending' | 'missed';
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The day's cut-off instant under the current policy (null without an enabled policy).",
  })
  cutoffAt: string | null;
  @ApiProperty({ type: [MissingGridView] }) grids: MissingGridView[];
}
