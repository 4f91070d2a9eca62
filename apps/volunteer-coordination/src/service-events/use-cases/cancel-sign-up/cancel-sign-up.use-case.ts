import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ServiceSignUpCancelled, ServiceWaitlistPromoted } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { updateReturning } from '../../../persistence/update-returning';
import { hasStarted } from '../../domain/occurrence-clock';
import { OccurrenceAccess, SignUpActionCommand } from '../../occurrence-access';
import { ServiceEventErrors } from '../../service-event-errors';
import { OccurrencePool } from '../../service-occurrence.entity';
import { ServiceSignUp } from '../../service-sign-up.entity';
import { SignUpView, toSignUpView } from '../../service-event.views';

/**
 * Cancels a sign-up before the start. A confirmed place goes to the first on the waitlist in the same
 * transaction (WaitlistPromoted); with nobody waiting, the place is freed. The pool row is locked first — the
 * lock order of sign-up too — so cancellations and sign-ups of one pool never interleave or deadlock.
 */
@Injectable()
export class CancelSignUpUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: OccurrenceAccess,
  ) {}

  async execute({
    tenantId,
    occurrenceId,
    signUpId,
    identity,
    correlationId,
  }: SignUpActionCommand): Promise<SignUpView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    const visible = await this.access.signUp(identity, occurrence, signUpId);
    if (hasStarted(occurrence, new Date()))
      throw ServiceEventErrors.OCCURRENCE_STARTED(occurrenceId, { cancellation: true });

    return this.dataSource.transaction(async (manager) => {
      const pool = await manager.findOneOrFail(OccurrencePool, {
        where: { id: visible.poolId },
        lock: { mode: 'pessimistic_write' },
      });
      const signUp = await manager.findOneOrFail(ServiceSignUp, {
        where: { id: signUpId },
        lock: { mode: 'pessimistic_write' },
      });
      if (signUp.status === 'cancelled') throw ServiceEventErrors.ALREADY_CANCELLED(signUpId);
      const previousStatus = signUp.status;
      const context = EventContext.start(tenantId, correlationId);
      await manager.update(ServiceSignUp, { id: signUpId }, { status: 'cancelled', cancelledAt: new Date() });
      if (previousStatus === 'waitlisted') {
        await manager.query(`UPDATE occurrence_pools SET waitlisted = waitlisted - 1 WHERE id = $1`, [pool.id]);
      } else {
        await this.handOverPlace(manager, pool, signUpId, context);
      }
      await this.outbox.add(
        manager,
        ServiceSignUpCancelled,
        { signUpId, occurrenceId, tenantId, role: pool.role, pool: pool.name, previousStatus },
        context,
      );
      return toSignUpView({ ...signUp, status: 'cancelled', cancelledAt: new Date() }, pool.name, null);
    });
  }

  /** The freed place goes to the first on the waitlist (lowest sequence), or back to the pool. */
  private async handOverPlace(
    manager: EntityManager,
    pool: OccurrencePool,
    cancelledId: string,
    context: EventContext,
  ): Promise<void> {
    const promoted = await updateReturning<{ id: string; volunteer_id: string | null }>(
      manager,
      `UPDATE service_sign_ups SET status = 'confirmed', confirmed_at = now()
        WHERE id = (SELECT id FROM service_sign_ups WHERE pool_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT 1)
        RETURNING id, volunteer_id`,
      [pool.id],
    );
    if (promoted.length === 0) {
      await manager.query(`UPDATE occurrence_pools SET taken = taken - 1 WHERE id = $1`, [pool.id]);
      return;
    }
    await manager.query(`UPDATE occurrence_pools SET waitlisted = waitlisted - 1 WHERE id = $1`, [pool.id]);
    await this.outbox.add(
      manager,
      ServiceWaitlistPromoted,
      {
        signUpId: promoted[0].id,
        occurrenceId: pool.occurrenceId,
        tenantId: pool.tenantId,
        role: pool.role,
        pool: pool.name,
        volunteerId: promoted[0].volunteer_id,
        replacingSignUpId: cancelledId,
      },
      context,
    );
  }
}
