/** The shapes the console reads. They mirror the services' OpenAPI views; only the fields the screens use. */

export const holderLevels = ['micro', 'grid', 'community', 'street', 'district', 'city'] as const;
export type HolderLevel = (typeof holderLevels)[number];

export interface BoardItem {
  tenantId: string;
  issueId: string;
  category: string | null;
  state: string;
  level: HolderLevel;
  gridId: string | null;
  gridName?: string | null;
  originGridId?: string | null;
  originGridName?: string | null;
  depth: number;
  critical: boolean;
  parked: boolean;
  overdue: boolean;
  deadline: string | null;
  ageSeconds: number | null;
  atLevelSeconds: number | null;
  reportedAt: string | null;
}

export interface LevelCount {
  level: HolderLevel;
  open: number;
  overdue: number;
  critical: number;
  parked: number;
}

export interface BoardPage {
  tenantId: string | null;
  asOf: string;
  levels: LevelCount[];
  total: number;
  limit: number;
  offset: number;
  items: BoardItem[];
}

export interface FeedMessage {
  id: string;
  event: 'dispatched' | 'escalated' | 'acknowledged' | 'closed' | 'overdue';
  tenantId: string;
  issueId: string;
  category: string | null;
  state: string;
  level: HolderLevel | null;
  gridId: string | null;
  depth: number;
  critical: boolean;
  deadline: string | null;
  reason: string | null;
  at: string;
}

export interface CaseDetails {
  id: string;
  tenantId: string;
  category: string;
  state: string;
  description?: string;
  address?: string | null;
  holderGridId: string | null;
  holderLevel: string;
  originGridId: string | null;
  escalationDepth: number;
  critical: boolean;
  ackDeadline: string | null;
  resolveDeadline: string | null;
  reportedAt: string;
  acknowledgedAt: string | null;
  assigneeSubject: string | null;
  version: number;
  reworkCount: number;
  extensionCount: number;
  extensionRequest: { requestedDeadline: string; reason: string } | null;
  parked: { since: string; reason: string | null } | null;
  resolvedAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  channel?: string;
  photoUrls?: string[];
  contact?: { name: string | null; phone: string | null; email: string | null };
  /** The case actions the caller may take now (route segments under issues/:id/). */
  actions?: string[];
}

export interface HistoryEntry {
  id: string;
  action: string;
  actor: string;
  actorRole: string | null;
  actorGridId: string | null;
  holderLevel: string;
  holderGridId: string | null;
  reason: string | null;
  at: string;
}

export interface GridSummary {
  gridId: string;
  tenantId: string;
  parentId: string | null;
  level: string;
  code: string;
  name: string;
  dedicated: string | null;
  status: string;
}

export interface TenantSummary {
  tenantId: string;
  name: string;
}

export interface BoundaryFeature {
  type: 'Feature';
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  properties: { gridId: string; name: string; level: string; kind?: string | null; parentId: string | null };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export interface OnDuty {
  at: string;
  timeZone: string;
  localTime: string;
  onDuty: { memberId?: string; name?: string; displayName?: string; role?: string; roles?: string[] }[];
}

export interface QueuePage {
  asOf?: string;
  total?: number;
  items: (CaseDetails & { waitingSeconds?: number })[];
}

export interface KpiNumbers {
  cases: number;
  closed?: number;
  closureRate: number | null;
  onTimeClosureRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  averageRating?: number | null;
  medianAckSeconds?: number | null;
  medianCloseSeconds?: number | null;
  averageDepth?: number | null;
  maxDepth?: number | null;
}

export interface KpiBreakdown {
  tenantId: string;
  from: string;
  to: string;
  by: 'day' | 'category' | 'street' | 'community';
  timeZone: string;
  district: KpiNumbers & { depthHistogram?: { depth: number; cases: number }[] };
  rows: (KpiNumbers & { key: string | null; name: string | null })[];
}
