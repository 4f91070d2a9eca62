import { ApiProperty } from '@nestjs/swagger';

export class ImportedGridView {
  @ApiProperty({ example: 3, description: 'The line of the file the grid came from.' }) line: number;
  @ApiProperty({ example: 'm1' }) ref: string;
  @ApiProperty({ enum: ['created', 'unchanged'] }) action: 'created' | 'unchanged';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null in a dry run for a grid that would be created.' }) gridId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '410103001001000001' }) code: string | null;
}

/** What an import did (or, in a dry run, would do). */
export class ImportResultView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: 4, description: 'Grids created (to be created in a dry run).' }) created: number;
  @ApiProperty({ example: 0, description: 'Rows that describe a grid the district already has: left as they are.' }) unchanged: number;
  @ApiProperty({ example: 4, description: 'Rows in the file.' }) total: number;
  @ApiProperty({ type: [ImportedGridView] }) grids: ImportedGridView[];
}
