import { decideAccess } from './access-policy';
import { Identity } from './identity';

const person = (tenantId: string | null, ...roles: Identity['roles']): Identity => ({
  subject: 's',
  name: null,
  tenantId,
  roles,
});
const cityAdmin = person(null, { role: 'city-admin' });
const cityViewer = person(null, { role: 'city-viewer' });
const erqiAdmin = person('erqi', { role: 'district-admin' });
const erqiDispatcher = person('erqi', { role: 'dispatcher' });
const erqiLeader = person('erqi', { role: 'leader', grid: 'g1' });
const erqiResident = person('erqi', { role: 'resident' });
const erqiAuditor = person('erqi', { role: 'auditor' });

describe('decideAccess', () => {
  it('refuses a route that declares no policy, whoever calls', () => {
    expect(decideAccess(cityAdmin, { method: 'GET', tenantId: 'erqi', audiences: undefined })).toMatchObject({
      allowed: false,
      code: 'NO_ACCESS_POLICY',
    });
  });

  it('lets district staff act only inside their own district', () => {
    const route = { method: 'POST', audiences: ['district-staff' as const] };
    expect(decideAccess(erqiAdmin, { ...route, tenantId: 'erqi' }).allowed).toBe(true);
    expect(decideAccess(erqiAdmin, { ...route, tenantId: 'jinshui' })).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN_DISTRICT',
    });
  });

  it('lets a city viewer read any district but change none', () => {
    expect(
      decideAccess(cityViewer, { method: 'GET', tenantId: 'jinshui', audiences: ['district-staff'] }).allowed,
    ).toBe(true);
    expect(
      decideAccess(cityViewer, { method: 'POST', tenantId: 'jinshui', audiences: ['district-staff'] }),
    ).toMatchObject({ allowed: false });
  });

  it('lets a city administrator do anything that has a policy', () => {
    expect(decideAccess(cityAdmin, { method: 'PUT', tenantId: 'erqi', audiences: ['district-admin'] }).allowed).toBe(
      true,
    );
  });

  it('keeps configuration to the district administrator', () => {
    const route = { method: 'PUT', tenantId: 'erqi', audiences: ['district-admin' as const] };
    expect(decideAccess(erqiAdmin, route).allowed).toBe(true);
    expect(decideAccess(erqiDispatcher, route)).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
    expect(decideAccess(erqiLeader, route)).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
  });

  it('lets residents only into routes open to residents', () => {
    expect(
      decideAccess(erqiResident, { method: 'POST', tenantId: 'erqi', audiences: ['resident', 'grid-staff'] }).allowed,
    ).toBe(true);
    expect(
      decideAccess(erqiResident, { method: 'GET', tenantId: 'erqi', audiences: ['grid-staff', 'district-staff'] }),
    ).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
  });

  it('keeps routes without a district to city roles unless they serve anyone signed in', () => {
    expect(decideAccess(erqiAdmin, { method: 'POST', tenantId: undefined, audiences: ['city'] })).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN_ROLE',
    });
    expect(
      decideAccess(erqiResident, { method: 'GET', tenantId: undefined, audiences: ['anyone-signed-in'] }).allowed,
    ).toBe(true);
  });

  it('opens the personal-data access log to the district auditor only, not to other roles nor a city viewer', () => {
    const route = { method: 'GET', tenantId: 'erqi', audiences: ['auditor' as const] };
    expect(decideAccess(erqiAuditor, route).allowed).toBe(true);
    expect(decideAccess(erqiAuditor, { ...route, tenantId: 'jinshui' })).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN_DISTRICT',
    });
    for (const other of [erqiAdmin, erqiDispatcher, erqiLeader, erqiResident, cityViewer])
      expect(decideAccess(other, route)).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
  });

  it('gives the auditor no other route', () => {
    expect(
      decideAccess(erqiAuditor, {
        method: 'GET',
        tenantId: 'erqi',
        audiences: ['district-staff', 'grid-staff', 'resident'],
      }),
    ).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
  });
});
