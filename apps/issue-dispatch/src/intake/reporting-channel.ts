import { ForbiddenError, hasRole, Identity } from '@gridline/platform';

/**
 * `patrol` and `visit` (入户走访) are what grid leaders and workers find on their rounds; a resident or anyone
 * else claiming them is refused before anything is stored. A city administrator may do anything.
 */
export function assertMayUseChannel(identity: Identity, channel: 'resident' | 'patrol' | 'visit' | undefined): void {
  if (channel === undefined || channel === 'resident') return;
  if (hasRole(identity, 'leader', 'worker', 'city-admin')) return;
  throw new ForbiddenError(
    'FORBIDDEN_CHANNEL',
    `channel ${channel} is for grid leaders and workers; report as channel resident`,
  );
}
