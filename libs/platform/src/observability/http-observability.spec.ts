import { routeTemplateOf, tenantFromUrl } from './http-observability';

describe('tenantFromUrl', () => {
  it("takes the district from a tenant path or Open311's jurisdiction", () => {
    expect(tenantFromUrl('/v1/tenants/erqi/issues')).toBe('erqi');
    expect(tenantFromUrl('/v1/tenants/erqi')).toBe('erqi');
    expect(tenantFromUrl('/v1/tenants/erqi?x=1')).toBe('erqi');
    expect(tenantFromUrl('/open311/v2/requests.json?status=open&jurisdiction_id=zhongyuan')).toBe('zhongyuan');
  });

  it('knows no tenant on city-wide routes or from a malformed id', () => {
    expect(tenantFromUrl('/v1/city/summary')).toBeUndefined();
    expect(tenantFromUrl('/v1/tenants')).toBeUndefined();
    expect(tenantFromUrl('/v1/tenants/ERQI%0A{"level":"fatal"}/issues')).toBeUndefined();
    expect(tenantFromUrl('/health?jurisdiction_id=erqi')).toBeUndefined();
  });
});

describe('routeTemplateOf', () => {
  it('labels a request by the template it matched, not its ids', () => {
    expect(routeTemplateOf({ route: { path: '/v1/tenants/:tenantId/issues/:id' }, baseUrl: '' })).toBe(
      '/v1/tenants/:tenantId/issues/:id',
    );
  });

  it('labels a request no route took as unmatched', () => {
    expect(routeTemplateOf({ route: undefined, baseUrl: '' })).toBe('unmatched');
  });
});
