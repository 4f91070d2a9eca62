import { districtTenantPattern, districtTopicOf } from '@gridline/contracts';

/** Where one message of a shared public topic goes: its district's copy, or why it cannot go anywhere. */
export type DistrictRoute = { readonly tenantId: string; readonly topic: string } | { readonly unroutable: string };

/**
 * The district comes from the CloudEvent's `ce_tenantid` header (every Gridline event carries it); a message without a
 * well-formed one is not a Gridline event and goes to the dead-letter topic instead of any district.
 */
export function districtRouteOf(logicalTopic: string, tenantHeader: string | undefined): DistrictRoute {
  if (!tenantHeader) return { unroutable: 'no ce_tenantid header' };
  if (!districtTenantPattern.test(tenantHeader))
    return { unroutable: `ce_tenantid ${JSON.stringify(tenantHeader.slice(0, 60))} is not a district id` };
  return { tenantId: tenantHeader, topic: districtTopicOf(tenantHeader, logicalTopic) };
}
