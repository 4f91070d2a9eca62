import { hasRole, Identity } from './identity';
import { Audience } from './permit.decorator';

export type AccessDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly code: 'FORBIDDEN_DISTRICT' | 'FORBIDDEN_ROLE' | 'NO_ACCESS_POLICY';
      readonly reason: string;
    };

export interface AccessRequest {
  readonly method: string;
  /** The `:tenantId` of the route, if it has one. */
  readonly tenantId: string | undefined;
  /** The route's @Permit audiences; undefined when the route declared none. */
  readonly audiences: readonly Audience[] | undefined;
}

const audienceRoles: Record<Exclude<Audience, 'city' | 'anyone-signed-in'>, Parameters<typeof hasRole>[1][]> = {
  'district-admin': ['district-admin'],
  'district-staff': ['district-admin', 'dispatcher'],
  'grid-staff': ['leader', 'worker'],
  resident: ['resident'],
  auditor: ['auditor'],
};

/**
 * The route-level decision, pure so it can be tested case by case. Fails closed: a route without a policy is
 * refused. Finer rules (which grid, whose case) belong to the use case.
 */
export function decideAccess(identity: Identity, request: AccessRequest): AccessDecision {
  const { audiences, tenantId } = request;
  if (!audiences || audiences.length === 0)
    return { allowed: false, code: 'NO_ACCESS_POLICY', reason: 'this route declares no access policy' };
  if (hasRole(identity, 'city-admin')) return { allowed: true };
  const reading = request.method === 'GET' || request.method === 'HEAD';
  // The audit trail of personal-data reads is for the district's auditor (and the city administrator) only.
  if (hasRole(identity, 'city-viewer') && audiences.every((audience) => audience === 'auditor')) {
    return {
      allowed: false,
      code: 'FORBIDDEN_ROLE',
      reason: 'the personal-data access log is for the district auditor',
    };
  }
  if (reading && hasRole(identity, 'city-viewer')) return { allowed: true };
  if (tenantId === undefined) {
    if (audiences.includes('anyone-signed-in')) return { allowed: true };
    return { allowed: false, code: 'FORBIDDEN_ROLE', reason: 'only city roles may use this route' };
  }
  if (identity.tenantId !== tenantId) {
    return {
      allowed: false,
      code: 'FORBIDDEN_DISTRICT',
      reason: `your token is for ${identity.tenantId ?? 'the city'}, not district ${tenantId}`,
    };
  }
  if (audiences.includes('anyone-signed-in')) return { allowed: true };
  for (const audience of audiences) {
    if (audience === 'city') continue;
    if (hasRole(identity, ...audienceRoles[audience as keyof typeof audienceRoles])) return { allowed: true };
  }
  return { allowed: false, code: 'FORBIDDEN_ROLE', reason: `this needs one of: ${audiences.join(', ')}` };
}
