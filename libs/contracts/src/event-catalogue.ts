import { EventDefinition } from './event-definition';
import { GridStateChanged, TenantStateChanged } from './events/registry.events';
import { IssueAcknowledged, IssueDispatched, IssueEscalated, IssueReported } from './events/issue.events';
import { TaskOffered, TaskUnmatched, VolunteerRegistered } from './events/volunteer.events';

/** Every event Gridline produces. Adding an event means adding it here; the AsyncAPI document follows. */
export const eventCatalogue: readonly EventDefinition[] = [
  TenantStateChanged,
  GridStateChanged,
  IssueReported,
  IssueDispatched,
  IssueEscalated,
  IssueAcknowledged,
  VolunteerRegistered,
  TaskOffered,
  TaskUnmatched,
];

const byType = new Map(eventCatalogue.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
