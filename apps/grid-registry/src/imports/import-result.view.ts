import { ApiProperty } from '@nestjs/swagger';

export class ImportedGridView {
  @ApiProperty({ example: 3, description: 'The line of the file the grid came from.' }) line: number;
  @ApiProperty({ example: 'm1' }) ref: string;
  @ApiProperty({ enum: ['created', 'unchanged'] }) action: 'created' | 'unchanged';
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null in a dry run for a grid that would be created.',
  })
  gridId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '410103001001000001' }) code: string | null;
}

/** What an import did (or, in a dry run, would do). */
export class ImportResultView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: 4, description: 'Grids created (to be created in a dry run).' }) created: number;
  @ApiProperty({ example: 0, description: 'Rows that describe a grid the district already has: left as they are.' })
  unchanged: number;
  @ApiProperty({ example: 4, description: 'Rows in the file.' }) total: number;
  @ApiProperty({ type: [ImportedGridView] }) grids: ImportedGridView[];
}

export class ImportedPlaceView {
  @ApiProperty({
    example: 2,
    description: 'CSV: the line of the file. GeoJSON: the index of the feature in `features` (0-based).',
  })
  line: number;
  @ApiProperty({
    example: 'y1',
    description: "The row's ref ('' when the file gives none; GeoJSON: the normalised address).",
  })
  ref: string;
  @ApiProperty({ enum: ['created', 'unchanged'] }) action: 'created' | 'unchanged';
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null in a dry run for a place that would be created.',
  })
  placeId: string | null;
  @ApiProperty({ example: '汝河路22号院', description: 'Normalised, as stored.' }) address: string;
}

/** What a place import did (or, in a dry run, would do). */
export class PlaceImportResultView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: 3, description: 'Places registered (to be registered in a dry run).' }) created: number;
  @ApiProperty({ example: 0, description: 'Rows that describe a place the district already has: left as they are.' })
  unchanged: number;
  @ApiProperty({ example: 3, description: 'Rows in the file.' }) total: number;
  @ApiProperty({ type: [ImportedPlaceView] }) places: ImportedPlaceView[];
}

export class ImportedBoundaryView {
  @ApiProperty({ example: 0, description: 'The index of the feature in `features` (0-based).' }) line: number;
  @ApiProperty({ example: '410103001001001' }) gridCode: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({
    enum: ['set', 'unchanged'],
    description:
      'set: drawn or redrawn (grid version +1, GridBoundaryChanged); unchanged: the grid already had exactly this boundary.',
  })
  action: 'set' | 'unchanged';
}

/** What a GeoJSON import did (or, in a dry run, would do): boundaries first, then places. */
export class GeoJsonImportResultView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: 3, description: 'Boundaries set plus places registered.' }) created: number;
  @ApiProperty({ example: 0, description: 'Features that change nothing.' }) unchanged: number;
  @ApiProperty({ example: 3, description: 'Features in the collection.' }) total: number;
  @ApiProperty({ type: [ImportedBoundaryView] }) boundaries: ImportedBoundaryView[];
  @ApiProperty({ type: [ImportedPlaceView] }) places: ImportedPlaceView[];
}

export class ImportedMemberView {
  @ApiProperty({ example: 2, description: 'The line of the file the member came from.' }) line: number;
  @ApiProperty({
    enum: ['created', 'unchanged'],
    description: 'unchanged: the grid already has an active member of that name in that role.',
  })
  action: 'created' | 'unchanged';
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null in a dry run for a member that would be added.',
  })
  memberId: string | null;
  @ApiProperty({ example: '410103001001001' }) gridCode: string;
  @ApiProperty({ example: 'worker' }) role: string;
}

/** What a member import did (or, in a dry run, would do). */
export class MemberImportResultView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: 3, description: 'Members added (to be added in a dry run).' }) created: number;
  @ApiProperty({ example: 0 }) unchanged: number;
  @ApiProperty({ example: 3, description: 'Rows in the file.' }) total: number;
  @ApiProperty({ type: [ImportedMemberView] }) members: ImportedMemberView[];
}
