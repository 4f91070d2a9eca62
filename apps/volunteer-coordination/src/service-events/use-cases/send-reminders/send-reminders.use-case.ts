import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceEventReminder } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { DurableTimer, TimerPoller } from '@gridline/scheduling';
import { hasStarted } from '../../domain/occurrence-clock';
import { ServiceEventSeries } from '../../service-event-series.entity';
import { REMINDER_TIMER, ReminderTimerPayload } from '../../service-event-timers';
import { OccurrencePool, ServiceOccurrence } from '../../service-occurrence.entity';
import { ServiceSignUp } from '../../service-sign-up.entity';
import { seriesCorrelationId } from '../materialise-occurrences/materialise-occurrences.use-case';

/**
 * When an occurrence's reminder timer fires (e.g. 24 h and 2 h before the start), reminds every confirmed
 * participant, one internal event each: the reminders topic names who to remind, so it is not public. The
 * timer's deletion commits with the events, so a reminder goes out once; one that fires after the start (the
 * service was down) sends nothing.
 */
@Injectable()
export class SendRemindersUseCase implements OnModuleInit {
  private readonly logger = new Logger('ServiceEventReminders');

  constructor(
    private readonly poller: TimerPoller,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.poller.register(REMINDER_TIMER, (timer, manager) => this.onReminder(timer, manager));
  }

  private async onReminder(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const { leadMinutes } = timer.payload as ReminderTimerPayload;
    const occurrence = await manager.findOneBy(ServiceOccurrence, { tenantId: timer.tenantId, id: timer.aggregateId });
    if (!occurrence || hasStarted(occurrence, new Date())) return;
    const series = await manager.findOneByOrFail(ServiceEventSeries, { id: occurrence.seriesId });
    const pools = new Map(
      (await manager.findBy(OccurrencePool, { occurrenceId: occurrence.id })).map((pool) => [pool.id, pool.name]),
    );
    const confirmed = await manager.find(ServiceSignUp, {
      where: { occurrenceId: occurrence.id, status: 'confirmed' },
      order: { signedUpAt: 'ASC' },
    });
    const context = EventContext.start(occurrence.tenantId, seriesCorrelationId(series.id));
    for (const signUp of confirmed) {
      await this.outbox.add(
        manager,
        ServiceEventReminder,
        {
          signUpId: signUp.id,
          occurrenceId: occurrence.id,
          tenantId: occurrence.tenantId,
          role: signUp.role,
          pool: pools.get(signUp.poolId) as string,
          residentSubject: signUp.residentSubject,
          volunteerId: signUp.volunteerId,
          title: series.title,
          gridId: occurrence.gridId,
          placeText: series.placeText,
          startsAt: occurrence.startsAt.toISOString(),
          leadMinutes,
        },
        context,
      );
    }
    this.logger.log(
      `occurrence ${occurrence.id} (${series.title}, ${occurrence.localDate}): ${confirmed.length} reminder(s), ${leadMinutes} min ahead`,
    );
  }
}
