import { EventDefinition } from './event-definition';
import { GridStateChanged, TenantStateChanged } from './events/registry.events';
import { GridMoved, GridRetired } from './events/grid-change.events';
import { GridBoundaryChanged, PlaceStateChanged } from './events/place.events';
import { IssueAcknowledged, IssueDispatched, IssueEscalated, IssueReported } from './events/issue.events';
import { TaskOffered, TaskUnmatched, VolunteerRegistered } from './events/volunteer.events';
import { GridCheckedIn, GridCheckInMissed } from './events/check-in.events';
import { DutyRosterChanged, MemberContactsChanged, MemberStateChanged } from './events/member.events';
import {
  ServiceAttendanceRecorded,
  ServiceCheckedIn,
  ServiceEventReminder,
  ServiceEventSeriesCreated,
  ServiceOccurrenceScheduled,
  ServiceShiftCompleted,
  ServiceSignedUp,
  ServiceSignUpCancelled,
  ServiceWaitlistPromoted,
} from './events/service-event.events';
import { ToolAdded, ToolConditionChanged, ToolLent, ToolLoanOverdue, ToolLoanOverdueReminder, ToolReturned } from './events/tool-room.events';

/** Every event Gridline produces. Adding an event means adding it here; the AsyncAPI document follows. */
export const eventCatalogue: readonly EventDefinition[] = [
  TenantStateChanged,
  GridStateChanged,
  GridMoved,
  GridRetired,
  GridBoundaryChanged,
  PlaceStateChanged,
  IssueReported,
  IssueDispatched,
  IssueEscalated,
  IssueAcknowledged,
  VolunteerRegistered,
  TaskOffered,
  TaskUnmatched,
  GridCheckedIn,
  GridCheckInMissed,
  MemberStateChanged,
  MemberContactsChanged,
  DutyRosterChanged,
  ServiceEventSeriesCreated,
  ServiceOccurrenceScheduled,
  ServiceSignedUp,
  ServiceSignUpCancelled,
  ServiceWaitlistPromoted,
  ServiceCheckedIn,
  ServiceAttendanceRecorded,
  ServiceShiftCompleted,
  ServiceEventReminder,
  ToolAdded,
  ToolConditionChanged,
  ToolLent,
  ToolReturned,
  ToolLoanOverdue,
  ToolLoanOverdueReminder,
];

const byType = new Map(eventCatalogue.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
