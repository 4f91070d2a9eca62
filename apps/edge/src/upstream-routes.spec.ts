import { matchUpstream, upstreamRoutes } from './upstream-routes';

describe('the route table', () => {
  it('puts each of the four services under /api/<service> with its own variable and port', () => {
    expect(upstreamRoutes.map(({ prefix, variable, defaultPort }) => [prefix, variable, defaultPort])).toEqual([
      ['/api/grid-registry', 'EDGE_UPSTREAM_GRID_REGISTRY', 3001],
      ['/api/issue-dispatch', 'EDGE_UPSTREAM_ISSUE_DISPATCH', 3002],
      ['/api/volunteer-coordination', 'EDGE_UPSTREAM_VOLUNTEER_COORDINATION', 3003],
      ['/api/analytics', 'EDGE_UPSTREAM_ANALYTICS', 3004],
    ]);
  });

  it('strips the prefix and keeps the rest of the path and the query as sent', () => {
    expect(matchUpstream('/api/analytics/v1/city/feed?access_token=a%20b')).toMatchObject({
      route: { service: 'analytics' },
      upstreamPath: '/v1/city/feed?access_token=a%20b',
    });
    expect(matchUpstream('/api/grid-registry')).toMatchObject({
      route: { service: 'grid-registry' },
      upstreamPath: '/',
    });
    expect(matchUpstream('/api/grid-registry?x=1')).toMatchObject({
      route: { service: 'grid-registry' },
      upstreamPath: '/?x=1',
    });
  });

  it("keeps each service's /metrics off the edge, however it is spelled", () => {
    for (const path of [
      '/metrics',
      '/metrics/',
      '/METRICS',
      '//metrics',
      '/%6detrics',
      '/metrics?x=1',
      '/metrics/anything',
    ]) {
      expect(matchUpstream(`/api/issue-dispatch${path}`)).toEqual({ route: null });
    }
    expect(matchUpstream('/api/issue-dispatch/v1/tenants/erqi/metrics-like')).toMatchObject({
      route: { service: 'issue-dispatch' },
    });
    expect(matchUpstream('/api/analytics/v1/metricsx')).toMatchObject({ route: { service: 'analytics' } });
  });

  it('matches no service for a longer name or an unknown one', () => {
    expect(matchUpstream('/api/analyticsx/v1')).toEqual({ route: null });
    expect(matchUpstream('/api/payments/v1')).toEqual({ route: null });
    expect(matchUpstream('/api')).toEqual({ route: null });
  });
});
