import { roleNames } from '@gridline/platform/auth/identity';
import { devSignInRoleOptions, parseDevSignIn } from './dev-sign-in-request';

describe('a development sign-in request', () => {
  it("offers the dispatch centre's roles, each a role the services know, with what it needs", () => {
    expect(devSignInRoleOptions.map(({ role, needsTenant, needsGrid }) => [role, needsTenant, needsGrid])).toEqual([
      ['city-admin', false, false],
      ['city-viewer', false, false],
      ['district-admin', true, false],
      ['dispatcher', true, false],
      ['auditor', true, false],
      ['leader', true, true],
      ['worker', true, true],
    ]);
    for (const option of devSignInRoleOptions) expect(roleNames).toContain(option.role);
  });

  it('becomes the claims of a token: city role without tenant, district role with one, grid role with its grid', () => {
    expect(parseDevSignIn({ role: 'city-viewer' })).toEqual({
      ok: true,
      identity: { sub: 'dev:city:city-viewer', roles: [{ role: 'city-viewer' }] },
    });
    expect(parseDevSignIn({ role: 'dispatcher', tenant: 'erqi', name: ' 王调度 ' })).toEqual({
      ok: true,
      identity: { sub: 'dev:erqi:dispatcher:王调度', name: '王调度', tenant: 'erqi', roles: [{ role: 'dispatcher' }] },
    });
    const grid = '7f8c3e0a-0000-4000-8000-000000000001';
    expect(parseDevSignIn({ role: 'leader', tenant: 'erqi', grid })).toEqual({
      ok: true,
      identity: { sub: `dev:erqi:leader:${grid}`, tenant: 'erqi', roles: [{ role: 'leader', grid }] },
    });
  });

  it.each([
    [{ role: 'resident', tenant: 'erqi' }, 'role must be one of'],
    [{ role: 'root' }, 'role must be one of'],
    [{}, 'role must be one of'],
    [[], 'send a JSON object'],
    [{ role: 'dispatcher' }, 'send tenant'],
    [{ role: 'district-admin', tenant: '' }, 'send tenant'],
    [{ role: 'city-admin', tenant: 'erqi' }, 'send no tenant'],
    [{ role: 'leader', tenant: 'erqi' }, 'send grid'],
    [{ role: 'worker', tenant: 'erqi' }, 'send grid'],
    [{ role: 'dispatcher', tenant: 'erqi', grid: 'g1' }, 'send no grid'],
    [{ role: 'dispatcher', tenant: 'Erqi District' }, 'tenant must be a district id'],
    [{ role: 'leader', tenant: 'erqi', grid: '../x' }, 'grid must be a grid id'],
    [{ role: 'dispatcher', tenant: 'erqi', name: 'x'.repeat(101) }, 'at most 100'],
    [{ role: 'dispatcher', tenant: 7 }, 'tenant must be a string'],
  ])('refuses %j: %s', (body, reason) => {
    const parsed = parseDevSignIn(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});
