import { SetMetadata } from '@nestjs/common';

/**
 * Who may call a route, besides a city administrator (always) and, for GET routes, a city viewer:
 * - `district-admin`: the district's administrator (configuration: categories, policies);
 * - `district-staff`: district-admin or dispatcher of the district in the path;
 * - `grid-staff`: a leader or worker of that district (the handler checks the grid);
 * - `resident`: a resident of that district (the handler limits them to their own cases);
 * - `auditor`: the district's auditor (the personal-data access log); a city viewer may not read these routes,
 *   because who read whose contact is itself personal data;
 * - `city`: only the city roles (routes without a district in the path);
 * - `anyone-signed-in`: any valid token, for routes that filter what they return by the caller.
 */
export type Audience =
  'district-admin' | 'district-staff' | 'grid-staff' | 'resident' | 'auditor' | 'city' | 'anyone-signed-in';

export const PERMIT_KEY = 'gridline:permit';
export const PUBLIC_KEY = 'gridline:public';

export const Permit = (...audiences: Audience[]) => SetMetadata(PERMIT_KEY, audiences);

/** No token needed (health checks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
