import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { localDateAt } from '@gridline/calendar';
import { ServiceOccurrenceScheduled } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { DurableTimer, DurableTimers, TimerPoller } from '@gridline/scheduling';
import { plannedReminders } from '../../domain/occurrence-clock';
import { upcomingOccurrences } from '../../domain/service-schedule';
import { scheduleOf, ServiceEventSeries } from '../../service-event-series.entity';
import {
  MATERIALISE_EVERY_MS,
  MATERIALISE_TIMER,
  REMINDER_TIMER,
  ReminderTimerPayload,
} from '../../service-event-timers';
import { OccurrencePool, ServiceOccurrence } from '../../service-occurrence.entity';

export function seriesCorrelationId(seriesId: string): string {
  return `service-event:${seriesId}`;
}

/**
 * Keeps a series' occurrences materialised for its horizon (e.g. the next 60 days): each new date becomes an
 * occurrence row with one pool per resident slot and volunteer shift, its reminder timers and an
 * OccurrenceScheduled event, all in the caller's transaction. Idempotent per (series, date), so a re-fired
 * daily timer or a repeated call creates nothing twice. The daily timer moves the horizon forward.
 */
@Injectable()
export class MaterialiseOccurrencesUseCase implements OnModuleInit {
  constructor(
    private readonly poller: TimerPoller,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.poller.register(MATERIALISE_TIMER, (timer, manager) => this.onDailyTimer(timer, manager));
  }

  async materialise(
    manager: EntityManager,
    series: ServiceEventSeries,
    now: Date,
    context: EventContext,
  ): Promise<Array<{ occurrence: ServiceOccurrence; pools: OccurrencePool[] }>> {
    const created: Array<{ occurrence: ServiceOccurrence; pools: OccurrencePool[] }> = [];
    for (const planned of upcomingOccurrences(scheduleOf(series), now, series.horizonDays)) {
      const id = randomUUID();
      const inserted = (await manager.query(
        `INSERT INTO service_occurrences (id, tenant_id, series_id, grid_id, local_date, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (series_id, local_date) DO NOTHING RETURNING id`,
        [id, series.tenantId, series.id, series.gridId, planned.date, planned.startsAt, planned.endsAt],
      )) as unknown[];
      if (inserted.length === 0) continue;
      const occurrence = manager.create(ServiceOccurrence, {
        id,
        tenantId: series.tenantId,
        seriesId: series.id,
        gridId: series.gridId,
        localDate: planned.date,
        startsAt: planned.startsAt,
        endsAt: planned.endsAt,
      });
      const pools = [
        ...series.residentSlots.map((slot) => ({
          role: 'resident' as const,
          name: slot.service,
          capacity: slot.capacity,
        })),
        ...series.volunteerShifts.map((shift) => ({
          role: 'volunteer' as const,
          name: shift.skill,
          capacity: shift.count,
        })),
      ].map((pool) =>
        manager.create(OccurrencePool, {
          id: randomUUID(),
          tenantId: series.tenantId,
          occurrenceId: id,
          ...pool,
          taken: 0,
          waitlisted: 0,
          waitlistSeq: 0,
        }),
      );
      if (pools.length > 0) await manager.insert(OccurrencePool, pools);
      for (const reminder of plannedReminders(occurrence, series.reminderLeadMinutes, now)) {
        const payload: ReminderTimerPayload = { leadMinutes: reminder.leadMinutes };
        await this.timers.schedule(manager, {
          tenantId: series.tenantId,
          kind: REMINDER_TIMER,
          aggregateId: id,
          dueAt: reminder.dueAt,
          payload,
        });
      }
      await this.outbox.add(
        manager,
        ServiceOccurrenceScheduled,
        {
          occurrenceId: id,
          seriesId: series.id,
          tenantId: series.tenantId,
          gridId: series.gridId,
          date: planned.date,
          startsAt: planned.startsAt.toISOString(),
          endsAt: planned.endsAt.toISOString(),
          pools: pools.map((pool) => ({ role: pool.role, name: pool.name, capacity: pool.capacity })),
        },
        context,
      );
      created.push({ occurrence, pools });
    }
    return created;
  }

  /** The next daily extension, unless the series has ended. */
  async scheduleNext(manager: EntityManager, series: ServiceEventSeries, now: Date): Promise<void> {
    if (series.until !== null && series.until < localDateAt(now, series.timeZone)) return;
    await this.timers.schedule(manager, {
      tenantId: series.tenantId,
      kind: MATERIALISE_TIMER,
      aggregateId: series.id,
      dueAt: new Date(now.getTime() + MATERIALISE_EVERY_MS),
    });
  }

  private async onDailyTimer(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const series = await manager.findOneBy(ServiceEventSeries, { tenantId: timer.tenantId, id: timer.aggregateId });
    if (!series) return;
    const now = new Date();
    await this.materialise(manager, series, now, EventContext.start(series.tenantId, seriesCorrelationId(series.id)));
    await this.scheduleNext(manager, series, now);
  }
}
