/** One location to resolve: a point (lon and lat) or an address, as in GET /resolve; checked by the use case. */
export interface LocationToResolve {
  readonly lon?: number;
  readonly lat?: number;
  readonly address?: string;
}

/** The locations of one batch, resolved each with the single query's rules. */
export interface ResolveBatchCommand {
  readonly locations: readonly LocationToResolve[];
}
