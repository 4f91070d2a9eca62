import { loggableUrl } from './log-redaction';

describe('loggableUrl', () => {
  it('keeps a URL without a query as it is', () => {
    expect(loggableUrl('/v1/tenants/erqi/issues/123')).toBe('/v1/tenants/erqi/issues/123');
  });

  it("hides the feed's access token but keeps the other parameters", () => {
    expect(loggableUrl('/v1/tenants/erqi/feed?access_token=eyJhbGciOi.x.y&level=micro')).toBe(
      '/v1/tenants/erqi/feed?access_token=[redacted]&level=micro',
    );
  });

  it("hides an Open311 key and a resident's contact details, whatever their case or encoding", () => {
    expect(
      loggableUrl('/open311/v2/requests.json?jurisdiction_id=erqi&API_KEY=k1&phone=138&e%6dail=a%40b.cn&first_name=Li'),
    ).toBe(
      '/open311/v2/requests.json?jurisdiction_id=erqi&API_KEY=[redacted]&phone=[redacted]&e%6dail=[redacted]&first_name=[redacted]',
    );
  });

  it('does not fail on a malformed escape', () => {
    expect(loggableUrl('/x?%E0%A4%A=1&token=s')).toBe('/x?%E0%A4%A=1&token=[redacted]');
  });
});
