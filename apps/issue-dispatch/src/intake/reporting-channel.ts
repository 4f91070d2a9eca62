import { hasRole, Identity } from '@gridline/platform';
import { IntakeErrors } from './intake-errors';

/**
 * `patrol` and `visit` (入户走访) are what grid leaders and workers find on their rounds; a resident or anyone
 * else claiming them is refused before anything is stored. A city administrator may do anything.
 */
export function assertMayUseChannel(identity: Identity, channel: 'resident' | 'patrol' | 'visit' | undefined): void {
  if (channel === undefined || channel === 'resident') return;
  if (hasRole(identity, 'leader', 'worker', 'city-admin')) return;
  throw IntakeErrors.FORBIDDEN_CHANNEL(channel);
}
