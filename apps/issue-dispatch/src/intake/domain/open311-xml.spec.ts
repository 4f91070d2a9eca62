import { toOpen311Xml } from './open311-xml';

describe('toOpen311Xml', () => {
  it('writes a list as a plural element of singular items, as GeoReport v2 shows services and requests', () => {
    expect(
      toOpen311Xml('services', [
        { service_code: 'noise', metadata: true },
        { service_code: 'street-lighting', metadata: false },
      ]),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>noise</service_code><metadata>true</metadata></service>' +
        '<service><service_code>street-lighting</service_code><metadata>false</metadata></service></services>',
    );
    expect(toOpen311Xml('service_requests', [{ service_request_id: 'a1', service_notice: null, account_id: '' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>a1</service_request_id><service_notice/><account_id/></request></service_requests>',
    );
  });

  it('nests a definition’s attributes and their values, and an error list', () => {
    expect(
      toOpen311Xml('service_definition', {
        service_code: 'noise',
        attributes: [{ code: 'DANGER', values: [{ key: 'yes', name: 'Yes 是' }] }],
      }),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>noise</service_code><attributes><attribute><code>DANGER</code>' +
        '<values><value><key>yes</key><name>Yes 是</name></value></values></attribute></attributes></service_definition>',
    );
    expect(toOpen311Xml('errors', [{ code: 404, description: 'UNKNOWN_SERVICE_CODE: potholes' }])).toContain(
      '<errors><error><code>404</code><description>UNKNOWN_SERVICE_CODE: potholes</description></error></errors>',
    );
  });

  it('escapes what a resident typed, so a description cannot break the document', () => {
    expect(toOpen311Xml('service_requests', [{ description: '<b>灯</b> & "x" \'y\'' }])).toContain(
      '<description>&lt;b&gt;灯&lt;/b&gt; &amp; &quot;x&quot; &apos;y&apos;</description>',
    );
  });
});
