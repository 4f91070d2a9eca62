import type { DedicatedKind } from '../../domain/dedicated-kind';
import type { EffectiveFrom } from '../../effective-from.command';
import type { NewGridLeader } from '../../grid-leader.command';

/** One new grid of a split: its name and what it takes over from the split grid. */
export interface SplitPart {
  readonly name: string;
  /** Default: the split grid's kind. */
  readonly dedicated?: DedicatedKind;
  /** Child grids of the split grid this part takes (with their subtrees). */
  readonly childIds?: readonly string[];
  /** Places of the split grid that stand on their own (courtyards…); the places inside them follow. */
  readonly placeIds?: readonly string[];
  /** Addresses of the split grid this part claims. */
  readonly addresses?: readonly string[];
  /** As received (GeoJSON Polygon or MultiPolygon, validated by the use case); required when the grid had one. */
  readonly boundary?: unknown;
  readonly leader?: NewGridLeader;
}

/** A split: the new sibling grids, which share out everything the split grid holds. */
export interface GridSplitPlan extends EffectiveFrom {
  readonly parts: readonly SplitPart[];
}

export interface SplitGridCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly split: GridSplitPlan;
  readonly correlationId: string;
}
