import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ServiceSignedUp } from '@gridline/contracts';
import { EventContext, Outbox, PendingEvent, pendingEvent } from '@gridline/messaging';
import {
  activeTraceContext,
  currentIdempotencyClaim,
  GroupCommit,
  GroupOutcome,
  groupOutcomeOf as outcomeOf,
  hasRole,
  Identity,
  insertRows,
  isDependencyOutage,
  PlatformErrors,
  TraceContextFields,
} from '@gridline/platform';
import { isUniqueViolation, updateReturning } from '../../../persistence/update-returning';
import { hasStarted } from '../../domain/occurrence-clock';
import { ServiceEventErrors } from '../../service-event-errors';
import { OccurrencePool } from '../../service-occurrence.entity';
import { ServiceSignUp } from '../../service-sign-up.entity';
import { SignUpView, toSignUpView } from '../../service-event.views';
import { OccurrenceAccess } from '../../occurrence-access';
import { SignUpCommand, SignUpRequest } from './sign-up.command';

type Claim =
  { readonly status: 'confirmed' } | { readonly status: 'waitlisted'; readonly seq: number; readonly position: number };

const MAX_CLAIM_ATTEMPTS = 5;

interface Person {
  readonly key: string;
  readonly residentSubject: string | null;
  readonly volunteerId: string | null;
  readonly describe: string;
}

/** A checked sign-up waiting for its place: everything the transaction needs, and the request's trace. */
interface PendingSignUp {
  readonly tenantId: string;
  readonly occurrenceId: string;
  readonly pool: OccurrencePool;
  readonly person: Person;
  readonly signedUpBy: string;
  readonly correlationId: string;
  /** The request's trace, which its event continues whichever group commits it. */
  readonly trace: TraceContextFields;
}

/**
 * Takes a place in a slot or shift, or a place on its waitlist, without ever overbooking.
 *
 * The pool row is the arbiter. Concurrent sign-ups for one pool in this process are committed together (group
 * commit, ADR 0034): the group locks the pool row, drops people already signed up, gives the free places to the
 * first of the rest in arrival order and numbers the others on the waitlist, then writes the counters, the rows
 * and the events in one transaction — so a popular occurrence costs one commit per group instead of one per person
 * behind a row lock. Other replicas queue on the same row lock, so 1,000 people asking for 100 places at once
 * still get exactly 100 confirmations. A request with an Idempotency-Key, and every member of a group whose
 * transaction failed for another reason (say a person signing up for two pools of one occurrence at once), goes
 * alone: `UPDATE … SET taken = taken + 1 WHERE taken < capacity RETURNING` takes a place only while one is free,
 * a second conditional UPDATE numbers the waitlist under the same lock, and a second live sign-up by the same
 * person violates a unique index and rolls back (409 ALREADY_SIGNED_UP). The CHECK taken <= capacity is the last
 * line of defence should any code path forget all this.
 */
@Injectable()
export class SignUpUseCase {
  private readonly groups = new GroupCommit<PendingSignUp, SignUpView>((_, items) => this.signUpTogether(items));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: OccurrenceAccess,
  ) {}

  async execute({ tenantId, occurrenceId, request, identity, correlationId }: SignUpCommand): Promise<SignUpView> {
    const { occurrence, pools } = await this.access.occurrenceWithPools(tenantId, occurrenceId);
    if (hasStarted(occurrence, new Date()))
      throw ServiceEventErrors.OCCURRENCE_STARTED(occurrenceId, { signUpSince: occurrence.startsAt });
    const pool = this.poolFor(pools, request);
    const person = await this.personFor(tenantId, request, pool, identity, occurrence.gridId);
    const pending: PendingSignUp = {
      tenantId,
      occurrenceId,
      pool,
      person,
      signedUpBy: identity.subject,
      correlationId,
      trace: activeTraceContext(),
    };
    // An Idempotency-Key is recorded by the request's own transaction (ADR 0030), so such a request goes alone.
    return currentIdempotencyClaim() ? this.signUpAlone(pending) : this.groups.submit(pool.id, pending);
  }

  /** One group of sign-ups for one pool in one transaction; see the class comment. */
  private async signUpTogether(items: readonly PendingSignUp[]): Promise<Array<GroupOutcome<SignUpView>>> {
    if (items.length === 1) return [await outcomeOf(this.signUpAlone(items[0]))];
    const { pool, occurrenceId } = items[0];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [counters] = (await manager.query(
          `SELECT taken, capacity, waitlisted, waitlist_seq FROM occurrence_pools WHERE id = $1 FOR UPDATE`,
          [pool.id],
        )) as Array<{
          taken: number;
          capacity: number;
          waitlisted: number;
          waitlist_seq: number;
        }>;
        const live = (await manager.query(
          `SELECT person_key FROM service_sign_ups WHERE occurrence_id = $1 AND role = $2 AND person_key = ANY($3) AND status <> 'cancelled'`,
          [occurrenceId, pool.role, items.map((item) => item.person.key)],
        )) as Array<{ person_key: string }>;
        const signedUp = new Set(live.map((row) => row.person_key));
        let free = Math.max(0, counters.capacity - counters.taken);
        let confirmed = 0;
        let waitlisted = 0;
        const outcomes: Array<GroupOutcome<SignUpView>> = [];
        const rows: ServiceSignUp[] = [];
        const events: PendingEvent[] = [];
        for (const item of items) {
          if (signedUp.has(item.person.key)) {
            outcomes.push({ error: ServiceEventErrors.ALREADY_SIGNED_UP(item.person.describe) });
            continue;
          }
          signedUp.add(item.person.key);
          const claim: Claim =
            free > 0
              ? { status: 'confirmed' }
              : {
                  status: 'waitlisted',
                  seq: counters.waitlist_seq + waitlisted + 1,
                  position: counters.waitlisted + waitlisted + 1,
                };
          if (claim.status === 'confirmed') {
            free -= 1;
            confirmed += 1;
          } else waitlisted += 1;
          const row = this.signUpRow(manager, item, claim);
          const view = toSignUpView(row, pool.name, claim.status === 'waitlisted' ? claim.position : null);
          rows.push(row);
          events.push(this.signedUpEvent(item, view));
          outcomes.push({ ok: view });
        }
        await manager.query(
          `UPDATE occurrence_pools SET taken = taken + $2, waitlisted = waitlisted + $3, waitlist_seq = waitlist_seq + $3 WHERE id = $1`,
          [pool.id, confirmed, waitlisted],
        );
        await insertRows(manager, ServiceSignUp, rows);
        await this.outbox.addMany(manager, events);
        return outcomes;
      });
    } catch (error) {
      if (isDependencyOutage(error)) throw error;
      // Each on its own, in arrival order: whatever failed the group fails only its own request now.
      const outcomes: Array<GroupOutcome<SignUpView>> = [];
      for (const item of items) outcomes.push(await outcomeOf(this.signUpAlone(item)));
      return outcomes;
    }
  }

  /** One sign-up in its own transaction: the claim, the row and its event. */
  private async signUpAlone(item: PendingSignUp): Promise<SignUpView> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.claim(manager, item.pool.id);
      const row = this.signUpRow(manager, item, claim);
      try {
        await manager.insert(ServiceSignUp, row);
      } catch (error) {
        if (isUniqueViolation(error, 'service_sign_ups_one_per_person')) {
          throw ServiceEventErrors.ALREADY_SIGNED_UP(item.person.describe);
        }
        throw error;
      }
      const view = toSignUpView(row, item.pool.name, claim.status === 'waitlisted' ? claim.position : null);
      await this.outbox.addMany(manager, [this.signedUpEvent(item, view)]);
      return view;
    });
  }

  private signUpRow(manager: EntityManager, item: PendingSignUp, claim: Claim): ServiceSignUp {
    const now = new Date();
    return manager.create(ServiceSignUp, {
      id: randomUUID(),
      tenantId: item.tenantId,
      occurrenceId: item.occurrenceId,
      poolId: item.pool.id,
      role: item.pool.role,
      personKey: item.person.key,
      residentSubject: item.person.residentSubject,
      volunteerId: item.person.volunteerId,
      signedUpBy: item.signedUpBy,
      status: claim.status,
      waitlistSeq: claim.status === 'waitlisted' ? claim.seq : null,
      signedUpAt: now,
      confirmedAt: claim.status === 'confirmed' ? now : null,
      cancelledAt: null,
      checkedInAt: null,
      checkedOutAt: null,
      attendedMinutes: null,
    });
  }

  /** The ServiceSignedUp event of one sign-up, continuing its request's trace. */
  private signedUpEvent(item: PendingSignUp, view: SignUpView): PendingEvent {
    return pendingEvent(
      ServiceSignedUp,
      {
        signUpId: view.id,
        occurrenceId: item.occurrenceId,
        tenantId: item.tenantId,
        role: item.pool.role,
        pool: item.pool.name,
        status: view.status as 'confirmed' | 'waitlisted',
        waitlistPosition: view.waitlistPosition,
        volunteerId: item.person.volunteerId,
      },
      EventContext.start(item.tenantId, item.correlationId),
      item.trace,
    );
  }

  private async claim(manager: EntityManager, poolId: string): Promise<Claim> {
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt += 1) {
      const taken = await updateReturning(
        manager,
        `UPDATE occurrence_pools SET taken = taken + 1 WHERE id = $1 AND taken < capacity RETURNING taken`,
        [poolId],
      );
      if (taken.length > 0) return { status: 'confirmed' };
      const queued = await updateReturning<{ waitlisted: number; waitlist_seq: number }>(
        manager,
        `UPDATE occurrence_pools SET waitlisted = waitlisted + 1, waitlist_seq = waitlist_seq + 1 WHERE id = $1 AND taken >= capacity
         RETURNING waitlisted, waitlist_seq`,
        [poolId],
      );
      if (queued.length > 0)
        return { status: 'waitlisted', seq: queued[0].waitlist_seq, position: queued[0].waitlisted };
    }
    throw ServiceEventErrors.POOL_BUSY();
  }

  /** The pool of the request's role it names, or the only one of that role when it names none. */
  private poolFor(allPools: readonly OccurrencePool[], request: SignUpRequest): OccurrencePool {
    const pools = allPools.filter((p) => p.role === request.role);
    const what = request.role === 'resident' ? 'resident slot' : 'volunteer shift';
    if (request.pool === undefined) {
      if (pools.length === 1) return pools[0];
      throw ServiceEventErrors.POOL_REQUIRED(
        what,
        pools.map((p) => p.name),
      );
    }
    const pool = pools.find((p) => p.name === request.pool);
    if (!pool) throw ServiceEventErrors.UNKNOWN_POOL(what, request.pool);
    return pool;
  }

  /** Residents sign themselves up (their token subject); staff put registered volunteers with the skill on shifts. */
  private async personFor(
    tenantId: string,
    request: SignUpRequest,
    pool: OccurrencePool,
    identity: Identity,
    gridId: string,
  ): Promise<Person> {
    if (request.role === 'resident') {
      return {
        key: `resident:${identity.subject}`,
        residentSubject: identity.subject,
        volunteerId: null,
        describe: 'you are',
      };
    }
    if (!hasRole(identity, 'city-admin', 'district-admin', 'dispatcher', 'leader', 'worker')) {
      throw PlatformErrors.FORBIDDEN_ROLE('volunteers are put on shifts by district or grid staff');
    }
    await this.access.assertStaffOnGrid(identity, tenantId, gridId);
    const volunteerId = request.volunteerId as string;
    const found = (await this.dataSource.manager.query(
      `SELECT skills @> ARRAY[$3]::text[] AS skilled FROM volunteers WHERE tenant_id = $1 AND id = $2`,
      [tenantId, volunteerId, pool.name],
    )) as Array<{ skilled: boolean }>;
    if (found.length === 0) throw ServiceEventErrors.VOLUNTEER_NOT_FOUND(tenantId, volunteerId);
    if (!found[0].skilled) throw ServiceEventErrors.VOLUNTEER_LACKS_SKILL(volunteerId, pool.name);
    return {
      key: `volunteer:${volunteerId}`,
      residentSubject: null,
      volunteerId,
      describe: `volunteer ${volunteerId} is`,
    };
  }
}
