import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canonicalTimeZone, isCalendarDate, localDateAt } from '@gridline/calendar';
import { ServiceEventSeriesCreated } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, Outbox } from '@gridline/messaging';
import { assertCanActOnGrid, FieldProblem, PlatformErrors } from '@gridline/platform';
import { GridErrors } from '../../../access/grid-errors';
import { RecurrenceData } from '../../domain/recurrence-rule';
import { scheduleProblems } from '../../domain/service-schedule';
import { scheduleOf, ServiceEventSeries, StoredSchedule } from '../../service-event-series.entity';
import { SERVICE_EVENTS_CONFIG, ServiceEventsConfig } from '../../service-events.config';
import { CreatedServiceEventView, toOccurrenceView, toSeriesView } from '../../service-event.views';
import {
  MaterialiseOccurrencesUseCase,
  seriesCorrelationId,
} from '../materialise-occurrences/materialise-occurrences.use-case';
import { CreateServiceEventCommand, ServiceEventToCreate } from './create-service-event.command';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** What the domain and the DTO cannot see alone: dates that exist, pools that do not repeat, something to join. */
function requestProblems(request: ServiceEventToCreate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (request.startsOn !== undefined && !isCalendarDate(request.startsOn))
    problems.push({ field: 'startsOn', reason: 'not a date that exists' });
  if (request.until !== undefined && !isCalendarDate(request.until))
    problems.push({ field: 'until', reason: 'not a date that exists' });
  if (duplicates(request.residentSlots.map((s) => s.service)).length > 0)
    problems.push({ field: 'residentSlots', reason: 'a service must not repeat' });
  if (duplicates(request.volunteerShifts.map((s) => s.skill)).length > 0)
    problems.push({ field: 'volunteerShifts', reason: 'a skill must not repeat' });
  if (request.residentSlots.length + request.volunteerShifts.length === 0)
    problems.push({ field: 'residentSlots', reason: 'offer at least one resident slot or volunteer shift' });
  return problems;
}

/**
 * Sets up a recurring service event in a grid of the district and materialises its occurrences for the
 * horizon, in one transaction with the events and timers. Bad input stores nothing.
 */
@Injectable()
export class CreateServiceEventUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
    private readonly materialiser: MaterialiseOccurrencesUseCase,
    @Inject(SERVICE_EVENTS_CONFIG) private readonly config: ServiceEventsConfig,
  ) {}

  async execute({
    tenantId,
    request,
    identity,
    correlationId,
  }: CreateServiceEventCommand): Promise<CreatedServiceEventView> {
    await this.grids.requireTenant(tenantId);
    const lineage = await this.grids.lineage(tenantId, request.gridId);
    if (lineage.length === 0) throw GridErrors.UNKNOWN_GRID(tenantId, request.gridId, 'gridId');
    assertCanActOnGrid(
      identity,
      lineage.map((grid) => grid.gridId),
      'the event grid',
    );

    const now = new Date();
    const timeZone = canonicalTimeZone(request.timeZone ?? DEFAULT_TIME_ZONE) ?? request.timeZone ?? DEFAULT_TIME_ZONE;
    const recurrence: RecurrenceData =
      request.recurrence.frequency === 'monthly'
        ? { frequency: 'monthly', daysOfMonth: [...(request.recurrence.daysOfMonth ?? [])] }
        : { frequency: 'weekly', weekdays: [...(request.recurrence.weekdays ?? [])] };
    const problems = requestProblems(request);
    const schedule: StoredSchedule = {
      recurrence,
      startsOn: request.startsOn ?? (canonicalTimeZone(timeZone) ? localDateAt(now, timeZone) : '1970-01-01'),
      until: request.until ?? null,
      startTime: request.startTime,
      endTime: request.endTime,
      timeZone,
    };
    if (problems.length === 0) problems.push(...scheduleProblems(schedule));
    if (problems.length > 0) throw PlatformErrors.VALIDATION_FAILED(problems);

    const series = this.dataSource.manager.create(ServiceEventSeries, {
      id: randomUUID(),
      tenantId,
      gridId: request.gridId,
      title: request.title,
      placeText: request.placeText ?? null,
      ...schedule,
      residentSlots: request.residentSlots.map(({ service, capacity }) => ({ service, capacity })),
      volunteerShifts: request.volunteerShifts.map(({ skill, count }) => ({ skill, count })),
      reminderLeadMinutes: [...(request.reminderLeadMinutes ?? this.config.reminderLeadMinutes)],
      horizonDays: request.horizonDays ?? this.config.horizonDays,
      createdBy: identity.subject,
      createdAt: now,
    });
    const context = EventContext.start(tenantId, correlationId ?? seriesCorrelationId(series.id));
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.insert(ServiceEventSeries, series);
      await this.outbox.add(
        manager,
        ServiceEventSeriesCreated,
        {
          seriesId: series.id,
          tenantId,
          gridId: series.gridId,
          title: series.title,
          ...scheduleOf(series),
          residentSlots: series.residentSlots,
          volunteerShifts: series.volunteerShifts,
        },
        context,
      );
      const occurrences = await this.materialiser.materialise(manager, series, now, context);
      await this.materialiser.scheduleNext(manager, series, now);
      return occurrences;
    });
    return {
      series: toSeriesView(series),
      occurrences: created.map(({ occurrence, pools }) => toOccurrenceView(occurrence, pools)),
    };
  }
}
