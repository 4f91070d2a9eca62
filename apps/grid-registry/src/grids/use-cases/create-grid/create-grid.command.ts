import type { GridLevel } from '@gridline/contracts';
import type { DedicatedKind } from '../../domain/dedicated-kind';
import type { NewGridLeader } from '../../grid-leader.command';

/** A grid to add to a district's tree, from whichever caller: the HTTP body, a split part, an import row. */
export interface GridToCreate {
  readonly level: GridLevel;
  /** The parent grid (same district); absent or null only for a street. */
  readonly parentId?: string | null;
  /** Unique among the active grids under the same parent. */
  readonly name: string;
  /** Set for a dedicated grid (专属网格). */
  readonly dedicated?: DedicatedKind;
  /** Courtyards and buildings this grid holds; one grid per address per level. */
  readonly addresses?: readonly string[];
  readonly leader?: NewGridLeader;
}

export interface CreateGridCommand {
  readonly tenantId: string;
  readonly grid: GridToCreate;
  readonly correlationId: string;
  /** Start of the grid's history when it replaces others (a split, back-dated); default its creation time. */
  readonly validFrom?: Date;
}
