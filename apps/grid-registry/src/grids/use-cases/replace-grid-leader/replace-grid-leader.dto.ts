import { GridLeaderDto } from '../../grid-leader.dto';
import type { NewGridLeader } from '../../grid-leader.command';

/** The new leader of a grid: `{ name, phone? }`, the same shape as `leader` when creating a grid. */
export class ReplaceGridLeaderDto extends GridLeaderDto implements NewGridLeader {}
