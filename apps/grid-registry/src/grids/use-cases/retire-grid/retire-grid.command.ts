import type { EffectiveFrom } from '../../effective-from.command';

/** A grid's retirement: only when it takes effect. */
export type GridRetirement = EffectiveFrom;

export interface RetireGridCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly retirement: GridRetirement;
  readonly correlationId: string;
}
