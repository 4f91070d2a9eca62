/** The period of a KPI query: ISO 8601 instants, `from` inclusive and `to` exclusive; both optional. */
export interface ComputeKpisCommand {
  readonly from?: string;
  readonly to?: string;
}
