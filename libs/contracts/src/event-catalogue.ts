import { EventDefinition } from './event-definition';
import { GridStateChanged, TenantStateChanged } from './events/registry.events';
import { GridCreated, GridMoved, GridRetired, GridsMerged, GridSplit } from './events/grid-change.events';
import { GridBoundaryChanged, PlaceStateChanged } from './events/place.events';
import { IssueAcknowledged, IssueDispatched, IssueEscalated, IssueReported } from './events/issue.events';
import {
  IssueQueued,
  IssueAccepted,
  IssueClosed,
  IssueExtensionApproved,
  IssueExtensionDenied,
  IssueExtensionRequested,
  IssueParked,
  IssueRated,
  IssueReassigned,
  IssueRejected,
  IssueReopened,
  IssueResolved,
  IssueReturned,
  IssueUnparked,
  IssueVerified,
  IssueWorkStarted,
} from './events/issue-case.events';
import {
  HoursCredited,
  OfferDeclined,
  OfferExpired,
  RequestOffered,
  RequestUnfilled,
  TaskAccepted,
  TaskCheckedIn,
  TaskCheckedOut,
  TaskCompleted,
  TaskOffered,
  TaskUnmatched,
  VolunteerRegistered,
} from './events/volunteer.events';
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
import {
  ToolAdded,
  ToolConditionChanged,
  ToolLent,
  ToolLoanOverdue,
  ToolLoanOverdueReminder,
  ToolReturned,
} from './events/tool-room.events';

/** Every event Gridline produces. Adding an event means adding it here; the AsyncAPI document follows. */
export const eventCatalogue: readonly EventDefinition[] = [
  TenantStateChanged,
  GridStateChanged,
  GridCreated,
  GridMoved,
  GridRetired,
  GridsMerged,
  GridSplit,
  GridBoundaryChanged,
  PlaceStateChanged,
  IssueReported,
  IssueDispatched,
  IssueEscalated,
  IssueAcknowledged,
  IssueQueued,
  IssueAccepted,
  IssueRejected,
  IssueWorkStarted,
  IssueResolved,
  IssueVerified,
  IssueReopened,
  IssueClosed,
  IssueRated,
  IssueExtensionRequested,
  IssueExtensionApproved,
  IssueExtensionDenied,
  IssueReturned,
  IssueReassigned,
  IssueParked,
  IssueUnparked,
  VolunteerRegistered,
  TaskOffered,
  TaskUnmatched,
  RequestOffered,
  RequestUnfilled,
  OfferDeclined,
  OfferExpired,
  TaskAccepted,
  TaskCheckedIn,
  TaskCheckedOut,
  TaskCompleted,
  HoursCredited,
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
