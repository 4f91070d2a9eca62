import { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '../check-ins/domain/zero-report-policy';
import { ZeroReportPolicy } from '../check-ins/zero-report-policy.entity';

/** A district's local time zone: the one its zero-report policy names, else Asia/Shanghai. */
export async function districtTimeZone(manager: EntityManager, tenantId: string): Promise<string> {
  const policy = await manager.findOne(ZeroReportPolicy, {
    where: { tenantId },
    select: { tenantId: true, timeZone: true },
  });
  return policy?.timeZone ?? DEFAULT_TIME_ZONE;
}
