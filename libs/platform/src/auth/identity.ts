import { z } from 'zod';

/**
 * Roles a token can grant. City roles span districts (`tenant` absent); district roles act in one district;
 * grid roles act on one grid and its descendants; residents report and follow their own cases.
 */
export const cityRoles = ['city-admin', 'city-viewer'] as const;
/** `auditor` reads the district's personal-data access log and nothing else (docs/adr/0022). */
export const districtRoles = ['district-admin', 'dispatcher', 'auditor'] as const;
export const gridRoles = ['leader', 'worker'] as const;
export const roleNames = [...cityRoles, ...districtRoles, ...gridRoles, 'resident'] as const;
export type RoleName = (typeof roleNames)[number];

const roleGrantSchema = z.union([
  z.object({ role: z.enum([...cityRoles, ...districtRoles, 'resident']) }),
  z.object({ role: z.enum(gridRoles), grid: z.string().min(1).max(64) }),
]);
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** The claims Gridline reads from a verified token, beyond iss/aud/exp which the verifier checks. */
export const gridlineClaimsSchema = z
  .object({
    sub: z.string().min(1).max(200),
    name: z.string().max(100).optional(),
    tenant: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/)
      .optional(),
    roles: z.array(roleGrantSchema).min(1).max(200),
  })
  .refine(
    (claims) =>
      claims.tenant !== undefined || claims.roles.every((r) => (cityRoles as readonly string[]).includes(r.role)),
    {
      message: 'district, grid and resident roles need a `tenant` claim',
      path: ['tenant'],
    },
  );

/** Who is calling: the person, their district (none for city roles) and their roles. */
export interface Identity {
  readonly subject: string;
  readonly name: string | null;
  readonly tenantId: string | null;
  readonly roles: readonly RoleGrant[];
}

export function identityFromClaims(claims: z.infer<typeof gridlineClaimsSchema>): Identity {
  return { subject: claims.sub, name: claims.name ?? null, tenantId: claims.tenant ?? null, roles: claims.roles };
}

export function hasRole(identity: Identity, ...roles: RoleName[]): boolean {
  return identity.roles.some((grant) => roles.includes(grant.role));
}

/** The grids on which the identity holds a grid role (leader or worker). */
export function gridsOf(identity: Identity): string[] {
  return identity.roles.flatMap((grant) => ('grid' in grant ? [grant.grid] : []));
}
