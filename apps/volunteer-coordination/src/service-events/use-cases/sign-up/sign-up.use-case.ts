import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ServiceSignedUp } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { ConflictError, ForbiddenError, hasRole, Identity, UnprocessableError } from '@gridline/platform';
import { isUniqueViolation, updateReturning } from '../../../persistence/update-returning';
import { hasStarted } from '../../domain/occurrence-clock';
import { OccurrencePool } from '../../service-occurrence.entity';
import { ServiceSignUp } from '../../service-sign-up.entity';
import { SignUpView, toSignUpView } from '../../service-event.views';
import { OccurrenceAccess } from '../../occurrence-access';
import { SignUpDto } from './sign-up.dto';

export interface SignUpCommand {
  readonly tenantId: string;
  readonly occurrenceId: string;
  readonly request: SignUpDto;
  readonly identity: Identity;
  readonly correlationId: string;
}

type Claim = { readonly status: 'confirmed' } | { readonly status: 'waitlisted'; readonly seq: number; readonly position: number };

const MAX_CLAIM_ATTEMPTS = 5;

/**
 * Takes a place in a slot or shift, or a place on its waitlist, without ever overbooking.
 *
 * The pool row is the arbiter: `UPDATE … SET taken = taken + 1 WHERE taken < capacity RETURNING` takes a place
 * only while one is free, and its row lock queues concurrent sign-ups for the same pool until each commits,
 * so 1,000 people asking for 100 places at once get exactly 100 confirmations. When it is full, a second
 * conditional UPDATE (`WHERE taken >= capacity`) numbers the waitlist under the same lock; if a cancellation
 * freed a place in between, neither matches and the claim is tried again. The sign-up row, its event and the
 * counter commit together; a second live sign-up by the same person violates a unique index and rolls the
 * whole transaction back, counter included (409 ALREADY_SIGNED_UP). The CHECK taken <= capacity is the last
 * line of defence should any code path forget all this.
 */
@Injectable()
export class SignUpUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: OccurrenceAccess,
  ) {}

  async execute({ tenantId, occurrenceId, request, identity, correlationId }: SignUpCommand): Promise<SignUpView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    if (hasStarted(occurrence, new Date())) throw new ConflictError('OCCURRENCE_STARTED', `occurrence ${occurrenceId} started at ${occurrence.startsAt.toISOString()}; sign-up is closed`);
    const pool = await this.poolFor(tenantId, occurrenceId, request);
    const person = await this.personFor(tenantId, request, pool, identity, occurrence.gridId);

    const signUp = await this.dataSource.transaction(async (manager) => {
      const claim = await this.claim(manager, pool.id);
      const row = manager.create(ServiceSignUp, {
        id: randomUUID(),
        tenantId,
        occurrenceId,
        poolId: pool.id,
        role: pool.role,
        personKey: person.key,
        residentSubject: person.residentSubject,
        volunteerId: person.volunteerId,
        signedUpBy: identity.subject,
        status: claim.status,
        waitlistSeq: claim.status === 'waitlisted' ? claim.seq : null,
        signedUpAt: new Date(),
        confirmedAt: claim.status === 'confirmed' ? new Date() : null,
        cancelledAt: null,
        checkedInAt: null,
        checkedOutAt: null,
        attendedMinutes: null,
      });
      try {
        await manager.insert(ServiceSignUp, row);
      } catch (error) {
        if (isUniqueViolation(error, 'service_sign_ups_one_per_person')) {
          throw new ConflictError('ALREADY_SIGNED_UP', `${person.describe} is already signed up for this occurrence (or on its waitlist)`);
        }
        throw error;
      }
      const position = claim.status === 'waitlisted' ? claim.position : null;
      await this.outbox.add(manager, ServiceSignedUp, {
        signUpId: row.id,
        occurrenceId,
        tenantId,
        role: pool.role,
        pool: pool.name,
        status: claim.status,
        waitlistPosition: position,
        volunteerId: person.volunteerId,
      }, EventContext.start(tenantId, correlationId));
      return toSignUpView(row, pool.name, position);
    });
    return signUp;
  }

  private async claim(manager: EntityManager, poolId: string): Promise<Claim> {
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt += 1) {
      const taken = await updateReturning(manager, `UPDATE occurrence_pools SET taken = taken + 1 WHERE id = $1 AND taken < capacity RETURNING taken`, [poolId]);
      if (taken.length > 0) return { status: 'confirmed' };
      const queued = await updateReturning<{ waitlisted: number; waitlist_seq: number }>(
        manager,
        `UPDATE occurrence_pools SET waitlisted = waitlisted + 1, waitlist_seq = waitlist_seq + 1 WHERE id = $1 AND taken >= capacity
         RETURNING waitlisted, waitlist_seq`,
        [poolId],
      );
      if (queued.length > 0) return { status: 'waitlisted', seq: queued[0].waitlist_seq, position: queued[0].waitlisted };
    }
    throw new ConflictError('POOL_BUSY', 'places in this pool kept changing; try again');
  }

  private async poolFor(tenantId: string, occurrenceId: string, request: SignUpDto): Promise<OccurrencePool> {
    const pools = await this.dataSource.manager.find(OccurrencePool, { where: { tenantId, occurrenceId, role: request.role }, order: { name: 'ASC' } });
    const what = request.role === 'resident' ? 'resident slot' : 'volunteer shift';
    if (request.pool === undefined) {
      if (pools.length === 1) return pools[0];
      throw new UnprocessableError('POOL_REQUIRED', `name the ${what}: one of ${pools.map((p) => p.name).join(', ') || '(none)'}`, [{ field: 'pool', reason: `required: the occurrence has ${pools.length} of them` }]);
    }
    const pool = pools.find((p) => p.name === request.pool);
    if (!pool) throw new UnprocessableError('UNKNOWN_POOL', `this occurrence has no ${what} "${request.pool}"`, [{ field: 'pool', reason: `not a ${what} of this occurrence` }]);
    return pool;
  }

  /** Residents sign themselves up (their token subject); staff put registered volunteers with the skill on shifts. */
  private async personFor(tenantId: string, request: SignUpDto, pool: OccurrencePool, identity: Identity, gridId: string) {
    if (request.role === 'resident') {
      return { key: `resident:${identity.subject}`, residentSubject: identity.subject, volunteerId: null, describe: 'you are' };
    }
    if (!hasRole(identity, 'city-admin', 'district-admin', 'dispatcher', 'leader', 'worker')) {
      throw new ForbiddenError('FORBIDDEN_ROLE', 'volunteers are put on shifts by district or grid staff');
    }
    await this.access.assertStaffOnGrid(identity, tenantId, gridId);
    const volunteerId = request.volunteerId as string;
    const found = (await this.dataSource.manager.query(
      `SELECT skills @> ARRAY[$3]::text[] AS skilled FROM volunteers WHERE tenant_id = $1 AND id = $2`,
      [tenantId, volunteerId, pool.name],
    )) as Array<{ skilled: boolean }>;
    if (found.length === 0) throw new UnprocessableError('VOLUNTEER_NOT_FOUND', `volunteer ${volunteerId} is not registered in district ${tenantId}`, [{ field: 'volunteerId', reason: 'unknown volunteer' }]);
    if (!found[0].skilled) throw new UnprocessableError('VOLUNTEER_LACKS_SKILL', `volunteer ${volunteerId} does not have the skill ${pool.name}`, [{ field: 'volunteerId', reason: `lacks ${pool.name}` }]);
    return { key: `volunteer:${volunteerId}`, residentSubject: null, volunteerId, describe: `volunteer ${volunteerId} is` };
  }
}
