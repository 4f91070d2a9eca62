import { cityRoles, districtRoles, gridRoles } from '@gridline/platform/auth/identity';

/** The roles the development sign-in offers: the dispatch centre's, not residents (they use the apps). */
export const devSignInRoles = [...cityRoles, ...districtRoles, ...gridRoles] as const;
export type DevSignInRole = (typeof devSignInRoles)[number];

const labels: Record<DevSignInRole, { zh: string; en: string }> = {
  'city-admin': { zh: '市级管理员', en: 'City administrator' },
  'city-viewer': { zh: '市级查看', en: 'City viewer' },
  'district-admin': { zh: '区级管理员', en: 'District administrator' },
  dispatcher: { zh: '调度员（区指挥中心）', en: 'Dispatcher (district centre)' },
  auditor: { zh: '审计员', en: 'Auditor' },
  leader: { zh: '网格长', en: 'Grid leader' },
  worker: { zh: '网格员', en: 'Grid worker' },
};

export interface DevSignInRoleOption {
  readonly role: DevSignInRole;
  readonly labelZh: string;
  readonly labelEn: string;
  /** District and grid roles act in one district (the token's `tenant` claim). */
  readonly needsTenant: boolean;
  /** Grid roles act on one grid and below. */
  readonly needsGrid: boolean;
}

export const devSignInRoleOptions: readonly DevSignInRoleOption[] = devSignInRoles.map((role) => ({
  role,
  labelZh: labels[role].zh,
  labelEn: labels[role].en,
  needsTenant: !(cityRoles as readonly string[]).includes(role),
  needsGrid: (gridRoles as readonly string[]).includes(role),
}));

/** What a development token is minted for: the claims of deploy/auth/dev-token-signer.cjs. */
export interface DevIdentity {
  readonly sub: string;
  readonly name?: string;
  readonly tenant?: string;
  readonly roles: ReadonlyArray<{ role: DevSignInRole; grid?: string }>;
}

export const tenantPattern = /^[a-z0-9][a-z0-9-]{1,39}$/;
const gridPattern = /^[A-Za-z0-9-]{1,64}$/;

export type DevSignInParse =
  { readonly ok: true; readonly identity: DevIdentity } | { readonly ok: false; readonly reason: string };

/** Checks a POST /dev/sign-in body `{role, tenant?, grid?, name?}` the way the services will check the token. */
export function parseDevSignIn(body: unknown): DevSignInParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, reason: 'send a JSON object {role, tenant?, grid?, name?}' };
  const { role, tenant, grid, name } = body as Record<string, unknown>;
  const option = devSignInRoleOptions.find((candidate) => candidate.role === role);
  if (!option) return { ok: false, reason: `role must be one of ${devSignInRoles.join(', ')}` };
  for (const [field, value] of Object.entries({ tenant, grid, name })) {
    if (value !== undefined && value !== null && typeof value !== 'string')
      return { ok: false, reason: `${field} must be a string` };
  }
  const tenantId = (tenant as string | undefined | null) || undefined;
  const gridId = (grid as string | undefined | null) || undefined;
  const person = ((name as string | undefined | null) ?? '').trim() || undefined;
  if (option.needsTenant && !tenantId) return { ok: false, reason: `${option.role} acts in one district: send tenant` };
  if (!option.needsTenant && tenantId) return { ok: false, reason: `${option.role} is a city role: send no tenant` };
  if (tenantId && !tenantPattern.test(tenantId))
    return { ok: false, reason: 'tenant must be a district id (a-z, 0-9, -)' };
  if (option.needsGrid && !gridId) return { ok: false, reason: `${option.role} acts on one grid: send grid` };
  if (!option.needsGrid && gridId) return { ok: false, reason: `${option.role} is not a grid role: send no grid` };
  if (gridId && !gridPattern.test(gridId)) return { ok: false, reason: 'grid must be a grid id' };
  if (person && person.length > 100) return { ok: false, reason: 'name is at most 100 characters' };
  const sub = ['dev', tenantId ?? 'city', option.role, gridId, person].filter(Boolean).join(':').slice(0, 200);
  return {
    ok: true,
    identity: {
      sub,
      ...(person ? { name: person } : {}),
      ...(tenantId ? { tenant: tenantId } : {}),
      roles: [gridId ? { role: option.role, grid: gridId } : { role: option.role }],
    },
  };
}
