import type { EffectiveFrom } from '../../effective-from.command';

/** What merges into the grid of the command, and the merged grid's boundary. */
export interface GridMerge extends EffectiveFrom {
  /** Sibling grids (same parent, level and kind) to merge into the surviving grid; each retires. */
  readonly absorbedGridIds: readonly string[];
  /** The merged grid's new boundary as received (GeoJSON, validated by the use case); default: the parts' polygons. */
  readonly boundary?: unknown;
}

export interface MergeGridsCommand {
  readonly tenantId: string;
  /** The grid that absorbs the others and lives on. */
  readonly gridId: string;
  readonly merge: GridMerge;
  readonly correlationId: string;
}
