import { EntityManager } from 'typeorm';
import { CheckInDayClosing } from './check-in-day-closing.entity';
import { Cutoff, CutoffRule, followingCutoff, nextCutoff } from './domain/cutoff';

/**
 * The next cut-off that will actually run for a district: the first one after `now`, unless its day is already
 * closed (the cut-off was moved later after it ran), then the one after.
 */
export async function upcomingCutoff(
  manager: EntityManager,
  tenantId: string,
  rule: CutoffRule,
  now: Date,
): Promise<Cutoff> {
  const next = nextCutoff(now, rule);
  return (await manager.existsBy(CheckInDayClosing, { tenantId, date: next.date }))
    ? followingCutoff(next, rule)
    : next;
}
