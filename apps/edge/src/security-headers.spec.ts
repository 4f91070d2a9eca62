import { contentSecurityPolicy, securityHeaders } from './security-headers';

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
const none = { oidc: null, map: { tileUrl: null, attribution: null } };

describe('the content security policy', () => {
  it('allows only the own origin for scripts and styles, nothing inline, no plugins, no framing', () => {
    const policy = directives(contentSecurityPolicy(none));
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy(none)).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['worker-src']).toEqual(["'self'", 'blob:']);
    expect(policy['child-src']).toEqual(['blob:']);
    expect(policy['font-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy['connect-src']).toEqual(["'self'"]);
  });

  it('lets images and tile fetches reach the configured tile server, subdomain placeholder as a wildcard', () => {
    const policy = directives(
      contentSecurityPolicy({
        oidc: null,
        map: { tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: null },
      }),
    );
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://*.tiles.example.org']);
    expect(policy['connect-src']).toEqual(["'self'", 'https://*.tiles.example.org']);
  });

  it('lets the console talk to the OIDC issuer origin and nowhere else', () => {
    const policy = directives(
      contentSecurityPolicy({
        oidc: { issuer: 'https://id.example.org/realms/gridline', clientId: 'console', scope: 'openid' },
        map: { tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: null },
      }),
    );
    expect(policy['connect-src']).toEqual(["'self'", 'https://id.example.org', 'https://tiles.example.org']);
  });

  it('comes with nosniff, no referrer and a same-origin opener policy, and no CORS header', () => {
    const headers = securityHeaders(none);
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    expect(Object.keys(headers).filter((name) => name.toLowerCase().startsWith('access-control-'))).toEqual([]);
  });
});
