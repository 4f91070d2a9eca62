import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EventData, EventDefinition, HolderLevel } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, Outbox } from '@gridline/messaging';
import { enrichLogContext, gridsOf, Identity } from '@gridline/platform';
import { CaseClocks } from './case-clocks';
import { ActingAs, CasePlace, whoMay } from './domain/case-permissions';
import { availableCaseActions, decideCaseAction } from './domain/case-rule';
import { CaseAction, CaseStatus, isFinished, IssueState } from './domain/case-state-machine';
import { IssueAccess } from './issue-access';
import { IssueErrors } from './issue-errors';
import { Issue } from './issue.entity';
import { IssueHistoryAction } from './issue-history.entity';
import { appendCaseHistory } from './case-history';
import { ReporterContactErasure } from '../personal-data/reporter-contact-erasure';

/** What every case action carries: which case, who asks, and the version they saw. */
export interface CaseCommand {
  readonly tenantId: string;
  readonly issueId: string;
  readonly identity: Identity;
  /** The version the caller saw; a different current version is a 409 `VERSION_CONFLICT`. */
  readonly expectedVersion?: number;
}

/** Who acted, for the history: a person in a role (and the grid that gave it), or a clock. */
export interface CaseActor {
  readonly subject: string;
  readonly role: string;
  readonly gridId: string | null;
}

export const systemActor = (name: string): CaseActor => ({ subject: `system:${name}`, role: 'system', gridId: null });

/** One action in progress, inside its transaction: the locked case, and how to record and announce the change. */
export interface CaseStep {
  readonly manager: EntityManager;
  readonly issue: Issue;
  readonly now: Date;
  readonly actor: CaseActor;
  readonly actingAs: ActingAs;
  /** The state before the action (the issue already carries the new one). */
  readonly previous: IssueState;
  /** Appends to the case history, at the current holder. */
  record(action: IssueHistoryAction, reason: string | null): Promise<void>;
  emit<D extends EventDefinition>(definition: D, data: EventData<D>): Promise<void>;
  /** The case and its current holder, as most events name them. */
  readonly ref: { issueId: string; tenantId: string; gridId: string | null; level: HolderLevel };
}

export function caseStatusOf(issue: Issue): CaseStatus {
  return {
    state: issue.state,
    parked: issue.parkedAt !== null,
    extensionPending: issue.extensionRequestedUntil !== null,
    rated: issue.rating !== null,
    resolveClockRunning: issue.resolveDeadline !== null || issue.pausedResolveMs !== null,
    heldByGrid: issue.holderGridId !== null,
    atTop: issue.holderLevel === 'city',
  };
}

const gridCapacities = new Set(['holder-leader', 'holder-worker', 'ancestor-leader']);

/**
 * Runs one case action the same way every time, in one transaction: lock the case's timers, then the case;
 * check that the caller may see it (404/403), may take this action in some capacity (403), saw the current
 * version (409 `VERSION_CONFLICT`), and that the state machine allows it (409 with the refusal's code) — the
 * last two by the one rule of domain/case-rule.ts — then
 * apply the action's own effect, append to the history and add its events to the outbox. A case that thereby
 * finishes (closed, rejected) gets the erasure timer of its reporter's contact. A refused action changes nothing
 * and emits nothing.
 */
@Injectable()
export class CaseWorkflow {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
    private readonly access: IssueAccess,
    private readonly clocks: CaseClocks,
    private readonly contactErasure: ReporterContactErasure,
  ) {}

  run(command: CaseCommand, action: CaseAction, apply: (step: CaseStep) => Promise<void>): Promise<Issue> {
    const { tenantId, issueId, identity } = command;
    return this.dataSource.transaction(async (manager) => {
      await this.clocks.lockTimers(manager, issueId);
      const issue = await manager.findOne(Issue, {
        where: { id: issueId, tenantId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!issue) throw IssueErrors.ISSUE_NOT_FOUND(tenantId, issueId);
      await this.access.assertCanRead(identity, issue, manager);
      const decision = decideCaseAction(action, caseStatusOf(issue), identity, await this.placeOf(issue, manager));
      if (!decision.allowed && decision.refusal === 'not-yours') this.refuse(action, identity, issue);
      if (command.expectedVersion !== undefined && command.expectedVersion !== issue.version) {
        throw IssueErrors.VERSION_CONFLICT(issueId, issue.version, command.expectedVersion);
      }
      if (!decision.allowed) throw IssueErrors[decision.code](issueId, decision.reason);
      const { actingAs } = decision;

      const previous = issue.state;
      issue.state = decision.next;
      const actor: CaseActor = { subject: identity.subject, role: actingAs.role, gridId: actingAs.gridId };
      const step = this.step(manager, issue, actor, actingAs, previous);
      await apply(step);
      // A case that closes or is rejected keeps its reporter's contact only for the district's retention period.
      if (isFinished(issue.state) && !isFinished(previous))
        await this.contactErasure.scheduleAfterFinish(manager, issue, step.now);
      await manager.save(issue);
      return issue;
    });
  }

  /** The step for work not started by a person (the clocks): same recording, no permission check. */
  step(
    manager: EntityManager,
    issue: Issue,
    actor: CaseActor,
    actingAs: ActingAs,
    previous: IssueState = issue.state,
    now: Date = new Date(),
  ): CaseStep {
    const context = EventContext.start(issue.tenantId, issue.correlationId);
    enrichLogContext({ correlationId: issue.correlationId });
    return {
      manager,
      issue,
      now,
      actor,
      actingAs,
      previous,
      get ref() {
        return { issueId: issue.id, tenantId: issue.tenantId, gridId: issue.holderGridId, level: issue.holderLevel };
      },
      record: (action, reason) => appendCaseHistory(manager, issue, actor, action, reason, now),
      emit: async (definition, data) => {
        await this.outbox.add(manager, definition, data, context);
      },
    };
  }

  /**
   * The actions this caller may take on the case now, as route segments under `issues/:issueId/` — by the same
   * rule `run` refuses with, so the console shows a button exactly when the action would be accepted.
   */
  async availableActions(identity: Identity, issue: Issue, manager?: EntityManager): Promise<string[]> {
    return availableCaseActions(caseStatusOf(issue), identity, await this.placeOf(issue, manager));
  }

  /** Where the case sits for the permission rule: the holder's lineage from the grid replica, and its reporter. */
  private async placeOf(issue: Issue, manager?: EntityManager): Promise<CasePlace> {
    const holderLineage = issue.holderGridId
      ? (await this.grids.lineage(issue.tenantId, issue.holderGridId, manager)).map((g) => g.gridId)
      : [];
    return { holderLineage, reporterSubject: issue.reporterSubject };
  }

  private refuse(action: CaseAction, identity: Identity, issue: Issue): never {
    const who = whoMay[action].join(', ');
    const gridAction = whoMay[action].some((capacity) => gridCapacities.has(capacity));
    if (gridAction && gridsOf(identity).length > 0) {
      const heldBy = `the ${issue.holderLevel}${issue.holderGridId ? ` ${issue.holderGridId}` : ' dispatch centre'}`;
      throw IssueErrors.OUTSIDE_YOUR_GRID(issue.id, { who, action, heldBy });
    }
    throw IssueErrors.FORBIDDEN_ROLE(issue.id, { who, action });
  }
}
