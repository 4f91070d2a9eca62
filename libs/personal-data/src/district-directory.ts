/**
 * Whether a district exists, as the service knows it (grid-registry: its tenants; issue-dispatch: its replica of
 * them). Each service provides it under DISTRICT_DIRECTORY; the policy refuses districts it does not know.
 */
export interface DistrictDirectory {
  exists(tenantId: string): Promise<boolean>;
}

export const DISTRICT_DIRECTORY = Symbol('DISTRICT_DIRECTORY');
