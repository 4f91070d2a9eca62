/**
 * The edge's route table: each service behind `/api/<service>/`, the prefix stripped before the request goes
 * upstream. The single source for the edge, its configuration variables and the Kubernetes Ingress
 * (deploy/k8s/base/ingress/console-ingress.yaml, checked against this table by a unit test).
 */
export const upstreamServices = ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'] as const;
export type UpstreamService = (typeof upstreamServices)[number];

export interface UpstreamRoute {
  readonly service: UpstreamService;
  /** The public path prefix, without a trailing slash. */
  readonly prefix: string;
  /** The variable naming the service's base URL. */
  readonly variable: string;
  /** The service's port where nothing else is configured (its own default, see the README). */
  readonly defaultPort: number;
}

const defaultPorts: Record<UpstreamService, number> = {
  'grid-registry': 3001,
  'issue-dispatch': 3002,
  'volunteer-coordination': 3003,
  analytics: 3004,
};

export const upstreamRoutes: readonly UpstreamRoute[] = upstreamServices.map((service) => ({
  service,
  prefix: `/api/${service}`,
  variable: `EDGE_UPSTREAM_${service.toUpperCase().replace(/-/g, '_')}`,
  defaultPort: defaultPorts[service],
}));

export type RouteMatch = { readonly route: UpstreamRoute; readonly upstreamPath: string } | { readonly route: null };

/**
 * Which upstream an `/api/...` request path (with its query) goes to, and the path it gets there:
 * `/api/analytics/v1/city/feed?x=1` → analytics, `/v1/city/feed?x=1`. `/api/analyticsx` matches nothing.
 */
/**
 * Service paths meant for the platform, not the public: `/metrics` is unauthenticated on each service (ADR 0028)
 * and must not be reachable through the edge. Judged as Express routes them: case-insensitive, trailing slash
 * ignored, and after percent-decoding, so no spelling slips through.
 */
function isInternal(upstreamPath: string): boolean {
  const pathname = upstreamPath.split('?')[0];
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // a malformed escape: the service will refuse it; judge the raw path
  }
  return [pathname, decoded].some((p) => /^\/+metrics(?:\/.*)?$/i.test(p));
}

export function matchUpstream(pathWithQuery: string): RouteMatch {
  for (const route of upstreamRoutes) {
    if (!pathWithQuery.startsWith(route.prefix)) continue;
    const rest = pathWithQuery.slice(route.prefix.length);
    if (rest === '') return { route, upstreamPath: '/' };
    if (rest.startsWith('/')) return isInternal(rest) ? { route: null } : { route, upstreamPath: rest };
    if (rest.startsWith('?')) return { route, upstreamPath: `/${rest}` };
  }
  return { route: null };
}
