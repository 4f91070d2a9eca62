import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecurrenceData } from './domain/recurrence-rule';
import type { ServiceSchedule } from './domain/service-schedule';

export interface ResidentSlot {
  readonly service: string;
  readonly capacity: number;
}

export interface VolunteerShift {
  readonly skill: string;
  readonly count: number;
}

/** A recurring service event of one grid: the rule, the local hours and what each occurrence offers. */
@Entity({ name: 'service_event_series' })
export class ServiceEventSeries {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  @Column({ name: 'grid_id', type: 'text' }) gridId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'place_text', type: 'text', nullable: true }) placeText: string | null;
  @Column({ type: 'jsonb' }) recurrence: RecurrenceData;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ type: 'date', nullable: true }) until: string | null;
  @Column({ name: 'start_time', type: 'text' }) startTime: string;
  @Column({ name: 'end_time', type: 'text' }) endTime: string;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ name: 'resident_slots', type: 'jsonb' }) residentSlots: ResidentSlot[];
  @Column({ name: 'volunteer_shifts', type: 'jsonb' }) volunteerShifts: VolunteerShift[];
  @Column({ name: 'reminder_lead_minutes', type: 'int', array: true }) reminderLeadMinutes: number[];
  @Column({ name: 'horizon_days', type: 'int' }) horizonDays: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A series' schedule as stored (plain arrays), usable wherever the domain wants a ServiceSchedule. */
export type StoredSchedule = Omit<ServiceSchedule, 'recurrence'> & { recurrence: RecurrenceData };

export function scheduleOf(series: ServiceEventSeries): StoredSchedule {
  const { recurrence, startsOn, until, startTime, endTime, timeZone } = series;
  return { recurrence, startsOn, until, startTime, endTime, timeZone };
}
