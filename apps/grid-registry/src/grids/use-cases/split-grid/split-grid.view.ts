import { ApiProperty } from '@nestjs/swagger';
import { GridView } from '../../grid-view';

/** The answer to a split: the split grid, now retired, and the grids that took its place. */
export class SplitGridView {
  @ApiProperty({ type: GridView })
  split: GridView;

  @ApiProperty({ type: [GridView] })
  parts: GridView[];
}
