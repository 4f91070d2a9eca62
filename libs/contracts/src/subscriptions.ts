import { DistrictStreams, districtSourceTopics } from './district-streams';
import { ServiceName } from './service-names';
import { allTopics, Topics } from './topics';

/**
 * A consumer group of one service and the topics it reads. With the topics this is the other half of the
 * catalogue: who may read what on Kafka (ACLs), which dead-letter topics exist and what the AsyncAPI document says
 * each service receives all follow from it, so a service cannot consume a topic nobody granted it.
 */
export interface SubscriptionSpec {
  /** Logical consumer group (the deployment prefixes it); its dead-letter topic is `<group>.dlq`. */
  readonly group: string;
  readonly service: ServiceName;
  readonly topics: readonly string[];
  readonly description: string;
}

export const Subscriptions = {
  issueDispatchGridReplica: {
    group: 'issue-dispatch.grid-replica',
    service: 'issue-dispatch',
    topics: [Topics.tenantState.name, Topics.gridState.name, Topics.gridBoundaries.name, Topics.placeState.name],
    description: "issue-dispatch's replica of districts, the grid tree, boundaries and places, for routing reports.",
  },
  issueDispatchVolunteerHistory: {
    group: 'issue-dispatch.volunteer-history',
    service: 'issue-dispatch',
    topics: [Topics.taskOffers.name],
    description: "The volunteer help an issue gets, into the issue's history.",
  },
  volunteerGridReplica: {
    group: 'volunteer-coordination.grid-replica',
    service: 'volunteer-coordination',
    topics: [Topics.tenantState.name, Topics.gridState.name],
    description: "volunteer-coordination's replica of districts and the grid tree.",
  },
  volunteerIssueMatching: {
    group: 'volunteer-coordination.issue-matching',
    service: 'volunteer-coordination',
    topics: [Topics.issueEvents.name],
    description: 'Issues that need a volunteer: offers to the best-ranked neighbours.',
  },
  analyticsProjections: {
    group: 'analytics.projections',
    service: 'analytics',
    topics: allTopics.filter((topic) => topic.public).map((topic) => topic.name),
    description: 'Every public stream, folded into the KPIs, the board and the live feed.',
  },
  analyticsDistrictStreams: {
    group: DistrictStreams.group,
    service: DistrictStreams.owner,
    topics: districtSourceTopics.map((topic) => topic.name),
    description:
      "Every public stream, copied in order into each district's own topics (gridline.district.<tenant>.*) for district analytics teams.",
  },
} as const satisfies Record<string, SubscriptionSpec>;

export const allSubscriptions: readonly SubscriptionSpec[] = Object.values(Subscriptions);
