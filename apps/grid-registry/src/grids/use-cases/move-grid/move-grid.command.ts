import type { EffectiveFrom } from '../../effective-from.command';

/** A move of a grid (with its subtree) under another parent. */
export interface GridMove extends EffectiveFrom {
  /** The new parent grid, in the same district; the level rules of creation apply. */
  readonly newParentId: string;
}

export interface MoveGridCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly move: GridMove;
  readonly correlationId: string;
}
