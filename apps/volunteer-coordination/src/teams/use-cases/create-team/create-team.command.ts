import type { TeamKind } from '../../team.entity';

/** A volunteer team to create in a district. */
export interface TeamToCreate {
  /** Trimmed before it is stored. */
  readonly name: string;
  readonly kind: TeamKind;
}
