import { ApiProperty } from '@nestjs/swagger';
import { hoursOfMinutes } from './domain/service-minutes';
import { HoursEntry } from './hours-entry.entity';

export class HoursEntryView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() volunteerId: string;
  @ApiProperty({ description: 'Signed: a correction may be negative.' }) hours: number;
  @ApiProperty({ enum: ['task', 'correction', 'service-shift'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) taskId: string | null;
  @ApiProperty({ nullable: true, type: String }) offerId: string | null;
  @ApiProperty({ nullable: true, type: String }) issueId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The service-event shift (sign-up) a `service-shift` entry credits.',
  })
  signUpId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The service-event occurrence of that shift.' })
  occurrenceId: string | null;
  @ApiProperty({ nullable: true, type: String }) correctsEntryId: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() gridId: string;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty() occurredAt: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty() recordedBy: string;
}

export class HoursEntryPage {
  @ApiProperty({ type: HoursEntryView, isArray: true }) items: HoursEntryView[];
  @ApiProperty({ nullable: true, type: String }) next: string | null;
}

export class HoursTotalView {
  @ApiProperty({
    description: 'The volunteer, team or grid id; null for entries without a team.',
    nullable: true,
    type: String,
  })
  key: string | null;
  @ApiProperty() hours: number;
  @ApiProperty() entries: number;
}

export class HoursTotalsView {
  @ApiProperty({ enum: ['volunteer', 'team', 'grid'] }) by: string;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: HoursTotalView, isArray: true }) totals: HoursTotalView[];
  @ApiProperty() hours: number;
}

export function toHoursEntryView(entry: HoursEntry): HoursEntryView {
  return {
    id: entry.id,
    tenantId: entry.tenantId,
    volunteerId: entry.volunteerId,
    hours: hoursOfMinutes(entry.minutes),
    kind: entry.kind,
    taskId: entry.taskId,
    offerId: entry.offerId,
    issueId: entry.issueId,
    signUpId: entry.signUpId,
    occurrenceId: entry.occurrenceId,
    correctsEntryId: entry.correctsEntryId,
    reason: entry.reason,
    gridId: entry.gridId,
    teamId: entry.teamId,
    occurredAt: entry.occurredAt.toISOString(),
    recordedAt: entry.recordedAt.toISOString(),
    recordedBy: entry.recordedBy,
  };
}
