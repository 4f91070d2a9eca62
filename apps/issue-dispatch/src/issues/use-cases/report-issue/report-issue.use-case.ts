import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IssueDispatched, IssueQueued, IssueReported, unroutedReasons } from '@gridline/contracts';
import { GridReplica, GridTree } from '@gridline/grid-replica';
import { normaliseAddress } from '@gridline/location';
import { EventContext, Outbox } from '@gridline/messaging';
import { NotFoundError, UnprocessableError } from '@gridline/platform';
import { DurableTimers } from '@gridline/scheduling';
import { CategoryPolicy } from '../../../categories/category-policy.entity';
import { ackDeadline } from '../../domain/ack-policy';
import { policySnapshotOf } from '../../domain/resolve-policy';
import { IntakeDetails, IntakeSource, Issue } from '../../issue.entity';
import { IssueHistoryEntry } from '../../issue-history.entity';
import { ACK_DEADLINE_TIMER, AckDeadlinePayload } from '../../issue-timers';
import { ReportIssueDto } from './report-issue.dto';

type UnroutedReason = (typeof unroutedReasons)[number];

/** Where a report goes: a grid (and how it was found), or the dispatch centre's queue (and why). */
type Route = { readonly grid: GridReplica; readonly routedBy: 'grid id' | 'address' | 'location' } | { readonly grid: null; readonly reason: UnroutedReason };

export interface ReportIssueCommand {
  readonly tenantId: string;
  readonly report: ReportIssueDto;
  readonly correlationId: string;
  /** The token subject of whoever reports. */
  readonly reporterSubject: string;
  /** Where the report came in, when not through the REST API (an Open311 app and its extras). */
  readonly intake?: { readonly source: IntakeSource; readonly appId: string | null; readonly details: IntakeDetails };
}

/**
 * Records a reported problem and dispatches it to its grid in one transaction: the issue, its history, the
 * reported and dispatched events, and the acknowledgement timer commit together or not at all. The category's
 * windows (acknowledge and resolve, per level) are snapshotted on the issue here. A report no grid can take
 * waits in the dispatch centre's queue instead (see `queue`).
 */
@Injectable()
export class ReportIssueUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
  ) {}

  async execute({ tenantId, report, correlationId, reporterSubject, intake }: ReportIssueCommand): Promise<Issue> {
    if (!(await this.grids.tenant(tenantId))) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} is not known to issue-dispatch`);
    const category = await this.dataSource.manager.findOneBy(CategoryPolicy, { tenantId, code: report.category });
    if (!category) throw new UnprocessableError('UNKNOWN_CATEGORY', `category ${report.category} is not defined for district ${tenantId}`, [{ field: 'category', reason: 'unknown category' }]);
    const route = await this.resolveGrid(tenantId, report);
    const grid = route.grid;

    const now = new Date();
    const snapshot = policySnapshotOf(category);
    // The deadline comes from the snapshot itself, so the clock and the stored policy cannot disagree.
    const deadline = grid ? ackDeadline(snapshot.ackWithinSeconds, grid.level, now) : null;
    const issue = this.dataSource.manager.create(Issue, {
      id: randomUUID(),
      tenantId,
      category: category.code,
      channel: report.channel ?? 'resident',
      description: report.description,
      address: report.address ?? null,
      locationLon: report.location?.lon ?? null,
      locationLat: report.location?.lat ?? null,
      reporterName: report.reporter.name,
      reporterPhone: report.reporter.phone ?? null,
      reporterSubject,
      originGridId: grid?.gridId ?? null,
      holderGridId: grid?.gridId ?? null,
      holderLevel: grid?.level ?? 'district',
      state: grid ? 'dispatched' : 'reported',
      escalationDepth: 0,
      critical: false,
      policySnapshot: snapshot,
      ackDeadline: deadline,
      reportedAt: now,
      correlationId,
      acknowledgedAt: null,
      photoUrls: report.photoUrls ?? [],
      reporterEmail: report.reporter.email ?? null,
      intakeSource: intake?.source ?? 'rest',
      intakeAppId: intake?.appId ?? null,
      intakeDetails: intake?.details ?? {},
      addressKey: report.address !== undefined ? normaliseAddress(report.address) : null,
      updatedAt: now,
    });
    const context = EventContext.start(tenantId, correlationId);

    await this.dataSource.transaction(async (manager) => {
      // insert, not save: a new id needs no SELECT to tell an insert from an update.
      await manager.insert(Issue, issue);
      if (route.grid === null) {
        await this.queue(manager, issue, route.reason, reporterSubject, context);
        return;
      }
      const trace = { tenantId, issueId: issue.id, actor: reporterSubject, holderLevel: route.grid.level, holderGridId: route.grid.gridId };
      await manager.insert(IssueHistoryEntry, [
        { ...trace, action: 'reported', reason: null, at: now },
        { ...trace, action: 'dispatched', actor: 'system:router', reason: `deepest grid for ${route.routedBy}`, at: now },
      ]);
      await this.outbox.add(manager, IssueReported, {
        issueId: issue.id,
        tenantId,
        category: issue.category,
        channel: issue.channel,
        gridId: route.grid.gridId,
        reportedAt: now.toISOString(),
      }, context);
      await this.outbox.add(manager, IssueDispatched, {
        issueId: issue.id,
        tenantId,
        category: issue.category,
        gridId: route.grid.gridId,
        level: route.grid.level,
        ackDeadline: (deadline as Date).toISOString(),
      }, context);
      const payload: AckDeadlinePayload = { depth: 0 };
      await this.timers.schedule(manager, { tenantId, kind: ACK_DEADLINE_TIMER, aggregateId: issue.id, dueAt: deadline as Date, payload });
    });
    return issue;
  }

  /**
   * No grid could be chosen: the report waits in the district dispatch centre's queue (state `reported`, no
   * clock), where the centre accepts and dispatches it by hand (GET …/issues/queue). Nothing is lost because a
   * resident typed an address nobody registered yet.
   */
  private async queue(manager: EntityManager, issue: Issue, reason: UnroutedReason, reporterSubject: string, context: EventContext): Promise<void> {
    await manager.insert(IssueHistoryEntry, {
      tenantId: issue.tenantId,
      issueId: issue.id,
      actor: reporterSubject,
      holderLevel: 'district',
      holderGridId: null,
      action: 'reported',
      reason: `queued for the district dispatch centre: ${reason === 'address-not-registered' ? `no grid holds the address ${issue.address}` : reason}`,
      at: issue.reportedAt,
    });
    await this.outbox.add(manager, IssueQueued, {
      issueId: issue.id,
      tenantId: issue.tenantId,
      category: issue.category,
      channel: issue.channel,
      reason,
      reportedAt: issue.reportedAt.toISOString(),
    }, context);
  }

  /**
   * Routes from the replica, never by asking grid-registry: a grid id as given; else a registered address (a
   * place's grid, or a grid listing it); else, or when the address is unknown, the location's most responsible
   * grid (dedicated first, then deepest — docs/adr/0008-resolving-locations.md).
   */
  private async resolveGrid(tenantId: string, report: ReportIssueDto): Promise<Route> {
    if (report.gridId !== undefined) {
      const grid = await this.grids.grid(tenantId, report.gridId);
      if (!grid) throw new UnprocessableError('UNKNOWN_GRID', `grid ${report.gridId} is not in district ${tenantId}`, [{ field: 'gridId', reason: 'unknown grid' }]);
      return { grid, routedBy: 'grid id' };
    }
    if (report.address !== undefined) {
      const grid = await this.grids.byAddress(tenantId, report.address);
      if (grid) return { grid, routedBy: 'address' };
      // An address nobody registered is not bad input: a person can route it (unlike a point outside every boundary).
      if (!report.location) return { grid: null, reason: 'address-not-registered' };
    }
    const { lon, lat } = report.location as { lon: number; lat: number };
    const grid = await this.grids.byPoint(tenantId, lon, lat);
    if (!grid) {
      throw new UnprocessableError('LOCATION_NOT_IN_DISTRICT', `the location (${lon}, ${lat}) lies within no grid boundary of district ${tenantId}`, [
        { field: 'location', reason: 'outside every grid boundary of this district' },
      ]);
    }
    return { grid, routedBy: 'location' };
  }
}
