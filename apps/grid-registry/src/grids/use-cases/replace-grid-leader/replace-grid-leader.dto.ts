import { GridLeaderDto } from '../../grid-leader.dto';

/** The new leader of a grid: `{ name, phone? }`, the same shape as `leader` when creating a grid. */
export class ReplaceGridLeaderDto extends GridLeaderDto {}
