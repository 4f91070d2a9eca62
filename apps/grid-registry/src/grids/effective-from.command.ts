/** When a tree change takes effect: an ISO 8601 instant (a date alone is midnight UTC); absent means now. */
export interface EffectiveFrom {
  readonly effectiveFrom?: string;
}
