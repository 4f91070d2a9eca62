import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IssueDispatched, IssueQueued, IssueReported, unroutedReasons } from '@gridline/contracts';
import { GridReplica, GridTree } from '@gridline/grid-replica';
import { normaliseAddress } from '@gridline/location';
import { ContactAccessLog } from '@gridline/personal-data';
import { EventContext, Outbox, PendingEvent, pendingEvent } from '@gridline/messaging';
import {
  activeTraceContext,
  currentIdempotencyClaim,
  GroupCommit,
  GroupOutcome,
  groupOutcomeOf,
  insertRowsTogether,
  isDependencyOutage,
  RowsToInsert,
  rowsToInsert,
  TraceContextFields,
} from '@gridline/platform';
import { PossibleDuplicate, PossibleDuplicates } from '../../../intake/duplicates/possible-duplicates';
import { IssueErrors } from '../../issue-errors';
import { DurableTimers, TimerRequest } from '@gridline/scheduling';
import { CategoryPolicies } from '../../../categories/category-policies';
import { ackDeadline } from '../../domain/ack-policy';
import { policySnapshotOf } from '../../domain/resolve-policy';
import { Issue } from '../../issue.entity';
import { IssueHistoryEntry } from '../../issue-history.entity';
import { ACK_DEADLINE_TIMER, AckDeadlinePayload } from '../../issue-timers';
import { ContactShownInAnswer, ReportedProblem, ReportIssueCommand } from './report-issue.command';

type UnroutedReason = (typeof unroutedReasons)[number];

/** Where a report goes: a grid (and how it was found), or the dispatch centre's queue (and why). */
type Route =
  | { readonly grid: GridReplica; readonly routedBy: 'grid id' | 'address' | 'location' }
  | { readonly grid: null; readonly reason: UnroutedReason };

/** A report checked and routed, waiting for the transaction that records it. */
interface PendingReport {
  readonly issue: Issue;
  readonly route: Route;
  readonly reporterSubject: string;
  readonly context: EventContext;
  /** The request's trace: its events and its timer continue it, whichever group commits them. */
  readonly trace: TraceContextFields;
  readonly contactShown: ContactShownInAnswer | undefined;
}

/** A report's case as committed, and the earlier open reports that are likely the same problem. */
export interface RecordedReport {
  readonly issue: Issue;
  readonly possibleDuplicates: PossibleDuplicate[];
}

/** A report's case as committed, its possible duplicates still being read. */
interface RecordingReport {
  readonly issue: Issue;
  readonly possibleDuplicates: Promise<PossibleDuplicate[]>;
}

/**
 * Records a reported problem and dispatches it to its grid in one transaction: the issue, its history, the
 * reported and dispatched events, and the acknowledgement timer commit together or not at all. The category's
 * windows (acknowledge and resolve, per level) are snapshotted on the issue here. A report no grid can take
 * waits in the dispatch centre's queue instead (see `queue`).
 *
 * Reports of one district that arrive while its previous group is committing are committed together (group
 * commit, ADR 0036): one statement with a multi-row INSERT per table (ADR 0046), one WAL flush for all of them.
 * Each request is answered only once its own rows are committed. Every check that can answer 4xx runs before, per
 * request; if a group's statement still fails for a reason other than a database outage, each of its reports is recorded
 * alone, so one bad report fails only itself. A request with an Idempotency-Key goes alone: its key commits in
 * its own transaction (ADR 0030).
 *
 * The possible duplicates of a group's reports are read beside its write, on another connection (ADR 0049): a
 * report's answer waits for one round trip after routing, not two.
 */
@Injectable()
export class ReportIssueUseCase {
  private readonly groups = new GroupCommit<PendingReport, RecordingReport>((_, reports) =>
    this.recordTogether(reports),
  );
  /** Districts the replica has shown to exist. A district is never removed, so one look per process is enough. */
  private readonly knownTenants = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
    private readonly contactAccessLog: ContactAccessLog,
    private readonly categories: CategoryPolicies,
    private readonly duplicates: PossibleDuplicates,
  ) {}

  /**
   * The report's case, committed, and its possible duplicates. If the case committed but its duplicates cannot be
   * read, this fails as a database failing after a commit does (503: it may have taken effect).
   */
  async execute(command: ReportIssueCommand): Promise<RecordedReport> {
    const pending = await this.prepare(command);
    if (currentIdempotencyClaim()) return this.recordClaimed(pending);
    const { issue, possibleDuplicates } = await this.groups.submit(command.tenantId, pending);
    return { issue, possibleDuplicates: await possibleDuplicates };
  }

  /** Checks and routes the report and builds its issue; every 4xx is decided here, before any transaction. */
  private async prepare({
    tenantId,
    report,
    correlationId,
    reporterSubject,
    intake,
    contactShown,
  }: ReportIssueCommand): Promise<PendingReport> {
    await this.requireKnownTenant(tenantId);
    const category = await this.categories.find(tenantId, report.category);
    if (!category) throw IssueErrors.UNKNOWN_CATEGORY(tenantId, report.category);
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
      photoUrls: [...(report.photoUrls ?? [])],
      reporterEmail: report.reporter.email ?? null,
      intakeSource: intake?.source ?? 'rest',
      intakeAppId: intake?.appId ?? null,
      intakeDetails: intake?.details ?? {},
      addressKey: report.address !== undefined ? normaliseAddress(report.address) : null,
      updatedAt: now,
    });
    return {
      issue,
      route,
      reporterSubject,
      context: EventContext.start(tenantId, correlationId),
      trace: activeTraceContext(),
      contactShown,
    };
  }

  private async requireKnownTenant(tenantId: string): Promise<void> {
    if (this.knownTenants.has(tenantId)) return;
    await this.grids.requireTenant(tenantId);
    this.knownTenants.add(tenantId);
  }

  /**
   * One group of one district's reports, their possible duplicates read beside; see the class comment. The group is
   * done when its write is: the next group's write and read need not wait for this group's read.
   */
  private async recordTogether(reports: readonly PendingReport[]): Promise<Array<GroupOutcome<RecordingReport>>> {
    const issues = reports.map((report) => report.issue);
    const lookup = this.duplicates.beside(issues[0].tenantId, issues);
    const written = await this.writeTogether(reports);
    const offers = lookup.offers(issues.filter((_, index) => 'ok' in written[index]));
    // Awaited through each committed report's answer; a group where none committed never asks.
    offers.catch(() => undefined);
    return written.map((outcome, index) =>
      'ok' in outcome ? { ok: { issue: outcome.ok, possibleDuplicates: offers.then((all) => all[index]) } } : outcome,
    );
  }

  /** One group in one statement; if it fails for a reason other than an outage, each report on its own. */
  private async writeTogether(reports: readonly PendingReport[]): Promise<Array<GroupOutcome<Issue>>> {
    if (reports.length === 1) return [await groupOutcomeOf(this.recordAlone(reports[0]))];
    try {
      await this.record(reports);
      return reports.map((report) => ({ ok: report.issue }));
    } catch (error) {
      if (isDependencyOutage(error)) throw error;
      // Each on its own, in arrival order: whatever failed the group fails only its own request now.
      const outcomes: Array<GroupOutcome<Issue>> = [];
      for (const report of reports) outcomes.push(await groupOutcomeOf(this.recordAlone(report)));
      return outcomes;
    }
  }

  private async recordAlone(report: PendingReport): Promise<Issue> {
    await this.record([report]);
    return report.issue;
  }

  /**
   * Writes the reports with one statement (ADR 0046): one multi-row INSERT per table, each but the issues' a
   * data-modifying `WITH`. A single statement is atomic without a transaction around it, so a group costs one round
   * trip. insert, not save: a new id needs no SELECT to tell an insert from an update.
   */
  private async record(reports: readonly PendingReport[]): Promise<void> {
    const { events, rows } = this.rowsOf(reports);
    const { manager } = this.dataSource;
    await insertRowsTogether(manager, [...rows, await this.outbox.rowsOf(manager, events)]);
  }

  /**
   * A report with an Idempotency-Key, alone in a transaction: the outbox records the key with its events, so the
   * key commits with the case or not at all (ADR 0030).
   */
  private async recordClaimed(report: PendingReport): Promise<RecordedReport> {
    const { events, rows } = this.rowsOf([report]);
    const lookup = this.duplicates.beside(report.issue.tenantId, [report.issue]);
    await this.dataSource.transaction(async (manager) =>
      insertRowsTogether(manager, [...rows, await this.outbox.rowsOf(manager, events)]),
    );
    const [possibleDuplicates] = await lookup.offers([report.issue]);
    return { issue: report.issue, possibleDuplicates };
  }

  /**
   * The rows of the reports: their issues (first, so PostgreSQL's defaults are read back into them), their history,
   * the acknowledgement timers of the routed ones and the access log rows of the answers that will show a reporter
   * their contact; and the events, which go to the outbox.
   */
  private rowsOf(reports: readonly PendingReport[]): { events: PendingEvent[]; rows: RowsToInsert[] } {
    const history: Array<Partial<IssueHistoryEntry>> = [];
    const events: PendingEvent[] = [];
    const timers: TimerRequest[] = [];
    for (const report of reports) {
      const { issue, route, reporterSubject, context, trace } = report;
      if (route.grid === null) {
        history.push(this.queuedEntry(issue, route.reason, reporterSubject));
        events.push(this.queuedEvent(issue, route.reason, context, trace));
        continue;
      }
      const now = issue.reportedAt;
      const deadline = issue.ackDeadline as Date;
      const step = {
        tenantId: issue.tenantId,
        issueId: issue.id,
        actor: reporterSubject,
        holderLevel: route.grid.level,
        holderGridId: route.grid.gridId,
      };
      history.push(
        { ...step, action: 'reported', reason: null, at: now },
        {
          ...step,
          action: 'dispatched',
          actor: 'system:router',
          reason: `deepest grid for ${route.routedBy}`,
          at: now,
        },
      );
      events.push(
        pendingEvent(
          IssueReported,
          {
            issueId: issue.id,
            tenantId: issue.tenantId,
            category: issue.category,
            channel: issue.channel,
            gridId: route.grid.gridId,
            reportedAt: now.toISOString(),
          },
          context,
          trace,
        ),
        pendingEvent(
          IssueDispatched,
          {
            issueId: issue.id,
            tenantId: issue.tenantId,
            category: issue.category,
            gridId: route.grid.gridId,
            level: route.grid.level,
            ackDeadline: deadline.toISOString(),
          },
          context,
          trace,
        ),
      );
      const payload: AckDeadlinePayload = { depth: 0 };
      timers.push({
        tenantId: issue.tenantId,
        kind: ACK_DEADLINE_TIMER,
        aggregateId: issue.id,
        dueAt: deadline,
        payload,
        traceParent: trace.traceparent,
      });
    }
    const contactReads = reports.flatMap(({ issue, contactShown }) =>
      contactShown
        ? [
            {
              reader: contactShown.reader,
              via: contactShown.via,
              read: {
                tenantId: issue.tenantId,
                caseId: issue.id,
                fields: contactShown.fields,
                purpose: 'report-answer',
              },
            },
          ]
        : [],
    );
    return {
      events,
      rows: [
        rowsToInsert(
          Issue,
          reports.map((report) => report.issue),
        ),
        rowsToInsert(IssueHistoryEntry, history),
        this.timers.rowsOf(timers),
        this.contactAccessLog.rowsOf(contactReads),
      ],
    };
  }

  /**
   * No grid could be chosen: the report waits in the district dispatch centre's queue (state `reported`, no
   * clock), where the centre accepts and dispatches it by hand (GET …/issues/queue). Nothing is lost because a
   * resident typed an address nobody registered yet.
   */
  private queuedEntry(issue: Issue, reason: UnroutedReason, reporterSubject: string): Partial<IssueHistoryEntry> {
    return {
      tenantId: issue.tenantId,
      issueId: issue.id,
      actor: reporterSubject,
      holderLevel: 'district',
      holderGridId: null,
      action: 'reported',
      reason: `queued for the district dispatch centre: ${reason === 'address-not-registered' ? `no grid holds the address ${issue.address}` : reason}`,
      at: issue.reportedAt,
    };
  }

  private queuedEvent(
    issue: Issue,
    reason: UnroutedReason,
    context: EventContext,
    trace: TraceContextFields,
  ): PendingEvent {
    return pendingEvent(
      IssueQueued,
      {
        issueId: issue.id,
        tenantId: issue.tenantId,
        category: issue.category,
        channel: issue.channel,
        reason,
        reportedAt: issue.reportedAt.toISOString(),
      },
      context,
      trace,
    );
  }

  /**
   * Routes from the replica, never by asking grid-registry: a grid id as given; else a registered address (a
   * place's grid, or a grid listing it); else, or when the address is unknown, the location's most responsible
   * grid (dedicated first, then deepest — docs/adr/0008-resolving-locations.md).
   */
  private async resolveGrid(tenantId: string, report: ReportedProblem): Promise<Route> {
    if (report.gridId !== undefined) {
      const grid = await this.grids.grid(tenantId, report.gridId);
      if (!grid) throw IssueErrors.UNKNOWN_GRID(tenantId, report.gridId);
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
      throw IssueErrors.LOCATION_NOT_IN_DISTRICT(tenantId, lon, lat);
    }
    return { grid, routedBy: 'location' };
  }
}
