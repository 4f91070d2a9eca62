import { ServiceName } from './service-names';

/**
 * Every topic Gridline uses, by logical name. A deployment may prefix them (KAFKA_TOPIC_PREFIX) so that
 * test runs or several environments can share one cluster.
 *
 * `public` topics are the streams analytics teams may subscribe to: they never carry personal data
 * (names of residents, phone numbers). `compacted` topics hold the latest state per key and are read from the
 * start by any service that keeps a replica.
 */
export interface TopicSpec {
  readonly name: string;
  /** The only service that may write the topic; consumers trust an event from it alone (`ce_source`). */
  readonly owner: ServiceName;
  readonly compacted: boolean;
  readonly public: boolean;
  /**
   * How long events stay. Public event topics keep their whole history, so a team that joins later replays from the
   * first event; compacted topics keep the latest record per key forever; internal ones keep what a notifier needs.
   */
  readonly retention: TopicRetention;
  /**
   * A compacted topic whose superseded records must not linger (a phone erased under PIPL): the longest a record may
   * stay uncompacted once a newer one for its key exists. Segments roll at the same pace so the cleaner can reach it.
   */
  readonly maxCompactionLagHours?: number;
  readonly description: string;
}

/** `forever` deletes nothing (on a compacted topic: nothing but superseded records); days delete older segments. */
export type TopicRetention = 'forever' | { readonly days: number };

export const Topics = {
  tenantState: {
    name: 'gridline.registry.tenant-state.v1',
    owner: 'grid-registry',
    compacted: true,
    public: true,
    retention: 'forever',
    description: 'Latest state of every district (tenant), keyed by tenant id.',
  },
  gridState: {
    name: 'gridline.registry.grid-state.v1',
    owner: 'grid-registry',
    compacted: true,
    public: true,
    retention: 'forever',
    description: 'Latest state of every grid (street, community, level-3, micro), keyed by grid id.',
  },
  gridBoundaries: {
    name: 'gridline.registry.grid-boundaries.v1',
    owner: 'grid-registry',
    compacted: true,
    public: true,
    retention: 'forever',
    description: 'Latest boundary (GeoJSON polygon) of every grid that has one, keyed by grid id; null once removed.',
  },
  placeState: {
    name: 'gridline.registry.place-state.v1',
    owner: 'grid-registry',
    compacted: true,
    public: true,
    retention: 'forever',
    description: 'Latest state of every place (courtyard, building, stairwell, point of interest), keyed by place id.',
  },
  issueEvents: {
    name: 'gridline.dispatch.issue-events.v1',
    owner: 'issue-dispatch',
    compacted: false,
    public: true,
    retention: 'forever',
    description: 'The life of every issue: reported, dispatched, escalated, acknowledged. Keyed by issue id.',
  },
  volunteerEvents: {
    name: 'gridline.volunteer.volunteer-events.v1',
    owner: 'volunteer-coordination',
    compacted: false,
    public: true,
    retention: 'forever',
    description:
      'Volunteer registrations (skills, kind, team and home grid; no name or contact details) and hours ledger entries. Keyed by volunteer id.',
  },
  taskOffers: {
    name: 'gridline.volunteer.task-offers.v1',
    owner: 'volunteer-coordination',
    compacted: false,
    public: true,
    retention: 'forever',
    description:
      'Volunteer tasks from offer to completion: offers, declines, expiries, acceptance, check-in/out, completion, or nobody left. Keyed by issue id (tasks for an issue) or task id (direct requests).',
  },
  checkInEvents: {
    name: 'gridline.registry.check-in-events.v1',
    owner: 'grid-registry',
    compacted: false,
    public: true,
    retention: 'forever',
    description:
      'Daily zero-report (零上报) of every grid: check-ins and check-ins missed at the cut-off. Keyed by grid id.',
  },
  memberState: {
    name: 'gridline.registry.member-state.v1',
    owner: 'grid-registry',
    compacted: true,
    public: true,
    retention: 'forever',
    description:
      'Latest state of every grid member (role, active), keyed by member id. Names of leaders and workers only; never a phone.',
  },
  memberContacts: {
    name: 'gridline.registry.member-contacts.v1',
    owner: 'grid-registry',
    compacted: true,
    public: false,
    retention: 'forever',
    maxCompactionLagHours: 24,
    description:
      'INTERNAL, personal data: name and phone of every grid member, keyed by member id, for services that must call people.',
  },
  dutyRoster: {
    name: 'gridline.registry.duty-roster.v1',
    owner: 'grid-registry',
    compacted: true,
    public: true,
    retention: 'forever',
    description:
      'Latest weekly duty roster of every grid that has one (member ids, weekdays, local times), keyed by grid id.',
  },
  gridChanges: {
    name: 'gridline.registry.grid-changes.v1',
    owner: 'grid-registry',
    compacted: false,
    public: true,
    retention: 'forever',
    description:
      'Changes to the grid tree as facts (moved, retired), each with the date it takes effect. Keyed by grid id.',
  },
  serviceEvents: {
    name: 'gridline.volunteer.service-events.v1',
    owner: 'volunteer-coordination',
    compacted: false,
    public: true,
    retention: 'forever',
    description:
      'Recurring service events (三九便民服务日, weekend classes): series, scheduled occurrences, sign-ups, waitlist promotions, ' +
      'attendance and completed volunteer shifts. No names, phones or resident ids. Keyed by occurrence id (series events by series id).',
  },
  toolLoans: {
    name: 'gridline.volunteer.tool-loans.v1',
    owner: 'volunteer-coordination',
    compacted: false,
    public: true,
    retention: 'forever',
    description:
      "Each community's shared tool room (共享工具房): tools added, lent, returned (with condition) and overdue. No borrower. Keyed by tool id.",
  },
  reminders: {
    name: 'gridline.volunteer.reminders.v1',
    owner: 'volunteer-coordination',
    compacted: false,
    public: false,
    retention: { days: 7 },
    description:
      'INTERNAL, personal: reminders addressed to one person (their identity subject) for a notifier to deliver — service events about to start, tools overdue. Keyed by occurrence or loan id.',
  },
} as const satisfies Record<string, TopicSpec>;

export const allTopics: readonly TopicSpec[] = Object.values(Topics);

/** The dead-letter topic of one consumer group: where events it could not handle go, with the reason. */
export function deadLetterTopicOf(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}

/**
 * Where the dead-letter tool puts an event back for one consumer group: the group's own consumer reads it as if it
 * came from its original topic (named in the `dlq_original_topic` header), so nobody else sees it again.
 */
export function replayTopicOf(consumerGroup: string): string {
  return `${consumerGroup}.dlq-replay`;
}

/** Compacted, keyed by dead letter id: whether each dead letter of a group was replayed or discarded, when and by whom. */
export function deadLetterResolutionsTopicOf(consumerGroup: string): string {
  return `${consumerGroup}.dlq-resolutions`;
}

/** Dead letters wait this long for someone to look at them and re-drive them. */
export const deadLetterRetention: TopicRetention = { days: 30 };

export function findTopic(name: string): TopicSpec | undefined {
  return allTopics.find((topic) => topic.name === name);
}
