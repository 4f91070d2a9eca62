import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ResolutionView } from '../resolve-location/resolution-view';

export class BatchMissView {
  @ApiProperty({ example: 'LOCATION_NOT_IN_DISTRICT' }) code: string;
  @ApiProperty() message: string;
}

/** One answer per location, in the order asked: the grid, or why there is none. */
export class BatchResolutionView {
  @ApiPropertyOptional({ type: ResolutionView, nullable: true }) resolution: ResolutionView | null;
  @ApiPropertyOptional({ type: BatchMissView, nullable: true }) miss: BatchMissView | null;
}

export class ResolveBatchView {
  @ApiProperty({ example: 2 }) resolved: number;
  @ApiProperty({ example: 0 }) missed: number;
  @ApiProperty({ type: [BatchResolutionView] }) results: BatchResolutionView[];
}
