import { ApiProperty } from '@nestjs/swagger';

export class ComplianceGridView {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: '汝河路22号院' }) name: string;
  @ApiProperty({ description: 'The grid checked in for the day.' }) reported: boolean;
}

/** How many of the grids that owe a zero-report (零上报) for a day have made it. */
export class ComplianceView {
  @ApiProperty({ example: '2025-06-30' }) date: string;
  @ApiProperty({ description: "true once the day's cut-off has run: the day's misses are then recorded and final." })
  closed: boolean;
  @ApiProperty({ example: 120, description: 'Grids that owe a check-in for the day.' }) expected: number;
  @ApiProperty({ example: 112 }) reported: number;
  @ApiProperty({ example: 8 }) missing: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.9333,
    description: 'reported / expected, to 4 decimals; null when no grid owes a check-in.',
  })
  rate: number | null;
  @ApiProperty({ type: [ComplianceGridView], description: 'Every grid that owes a check-in, ordered by grid code.' })
  grids: ComplianceGridView[];
}
