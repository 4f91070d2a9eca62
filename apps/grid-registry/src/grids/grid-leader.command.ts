/** A grid leader (网格长 / 微网格长) to appoint: when creating a grid, in a split part and when replacing a leader. */
export interface NewGridLeader {
  readonly name: string;
  /** Private: kept in grid-registry only, never in events or grid views. */
  readonly phone?: string;
}
