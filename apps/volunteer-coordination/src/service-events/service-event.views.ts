import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RecurrenceDto,
  ResidentSlotDto,
  VolunteerShiftDto,
} from './use-cases/create-service-event/create-service-event.dto';
import { scheduleOf, ServiceEventSeries } from './service-event-series.entity';
import { OccurrencePool, ServiceOccurrence } from './service-occurrence.entity';
import { ServiceSignUp } from './service-sign-up.entity';

export class ServiceEventSeriesView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() gridId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) placeText: string | null;
  @ApiProperty({ type: RecurrenceDto }) recurrence: RecurrenceDto;
  @ApiProperty() startsOn: string;
  @ApiProperty({ nullable: true, type: String }) until: string | null;
  @ApiProperty() startTime: string;
  @ApiProperty() endTime: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: ResidentSlotDto, isArray: true }) residentSlots: ResidentSlotDto[];
  @ApiProperty({ type: VolunteerShiftDto, isArray: true }) volunteerShifts: VolunteerShiftDto[];
  @ApiProperty({ type: Number, isArray: true }) reminderLeadMinutes: number[];
  @ApiProperty() horizonDays: number;
  @ApiProperty() createdAt: string;
}

export class ServiceEventSeriesPage {
  @ApiProperty({ type: ServiceEventSeriesView, isArray: true }) items: ServiceEventSeriesView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `after` to read the next page; null on the last page.',
  })
  next: string | null;
}

export class PoolView {
  @ApiProperty({ enum: ['resident', 'volunteer'] }) role: 'resident' | 'volunteer';
  @ApiProperty({ description: 'The resident service (clinic) or the volunteer skill (first-aid).' }) name: string;
  @ApiProperty() capacity: number;
  @ApiProperty() taken: number;
  @ApiProperty() available: number;
  @ApiProperty() waitlisted: number;
}

export class ServiceOccurrenceView {
  @ApiProperty() id: string;
  @ApiProperty() seriesId: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() gridId: string;
  @ApiProperty({ description: 'Local date in the series time zone.' }) date: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ example: 40, description: 'Places over all its slots and shifts.' }) places: number;
  @ApiProperty({ example: 32, description: 'Confirmed sign-ups over all its slots and shifts.' }) confirmed: number;
  @ApiProperty({ example: 3, description: 'Sign-ups waiting for a place over all its slots and shifts.' })
  waitlisted: number;
  @ApiProperty({ type: PoolView, isArray: true }) pools: PoolView[];
}

export class CreatedServiceEventView {
  @ApiProperty({ type: ServiceEventSeriesView }) series: ServiceEventSeriesView;
  @ApiProperty({
    type: ServiceOccurrenceView,
    isArray: true,
    description: 'The occurrences materialised within the horizon.',
  })
  occurrences: ServiceOccurrenceView[];
}

export class ServiceOccurrencePage {
  @ApiProperty({ type: ServiceOccurrenceView, isArray: true }) items: ServiceOccurrenceView[];
  @ApiProperty({ nullable: true, type: String }) next: string | null;
}

export class SignUpView {
  @ApiProperty() id: string;
  @ApiProperty() occurrenceId: string;
  @ApiProperty({ enum: ['resident', 'volunteer'] }) role: 'resident' | 'volunteer';
  @ApiProperty() pool: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: Number, description: '1 = next in line; null unless waitlisted.' })
  waitlistPosition: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The resident's identity subject (no name or phone is kept).",
  })
  residentSubject: string | null;
  @ApiProperty({ nullable: true, type: String }) volunteerId: string | null;
  @ApiProperty() signedUpAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) checkedInAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) checkedOutAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) attendedMinutes: number | null;
}

export class SignUpPage {
  @ApiProperty({ type: SignUpView, isArray: true }) items: SignUpView[];
  @ApiProperty({ nullable: true, type: String }) next: string | null;
}

export function toSeriesView(series: ServiceEventSeries): ServiceEventSeriesView {
  return {
    id: series.id,
    tenantId: series.tenantId,
    gridId: series.gridId,
    title: series.title,
    placeText: series.placeText,
    ...scheduleOf(series),
    residentSlots: series.residentSlots,
    volunteerShifts: series.volunteerShifts,
    reminderLeadMinutes: series.reminderLeadMinutes,
    horizonDays: series.horizonDays,
    createdAt: series.createdAt.toISOString(),
  };
}

export function toOccurrenceView(
  occurrence: ServiceOccurrence,
  allPools: readonly OccurrencePool[],
): ServiceOccurrenceView {
  const pools = allPools.filter((pool) => pool.occurrenceId === occurrence.id);
  const sum = (count: (pool: OccurrencePool) => number) => pools.reduce((total, pool) => total + count(pool), 0);
  return {
    id: occurrence.id,
    seriesId: occurrence.seriesId,
    tenantId: occurrence.tenantId,
    gridId: occurrence.gridId,
    date: occurrence.localDate,
    startsAt: occurrence.startsAt.toISOString(),
    endsAt: occurrence.endsAt.toISOString(),
    places: sum((pool) => pool.capacity),
    confirmed: sum((pool) => pool.taken),
    waitlisted: sum((pool) => pool.waitlisted),
    pools: pools.map((pool) => ({
      role: pool.role,
      name: pool.name,
      capacity: pool.capacity,
      taken: pool.taken,
      available: pool.capacity - pool.taken,
      waitlisted: pool.waitlisted,
    })),
  };
}

export function toSignUpView(signUp: ServiceSignUp, poolName: string, waitlistPosition: number | null): SignUpView {
  return {
    id: signUp.id,
    occurrenceId: signUp.occurrenceId,
    role: signUp.role,
    pool: poolName,
    status: signUp.status,
    waitlistPosition: signUp.status === 'waitlisted' ? waitlistPosition : null,
    residentSubject: signUp.residentSubject,
    volunteerId: signUp.volunteerId,
    signedUpAt: signUp.signedUpAt.toISOString(),
    checkedInAt: signUp.checkedInAt?.toISOString() ?? null,
    checkedOutAt: signUp.checkedOutAt?.toISOString() ?? null,
    attendedMinutes: signUp.attendedMinutes,
  };
}
