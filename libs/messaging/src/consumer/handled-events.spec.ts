import { z } from 'zod';
import { defineEvent, IssueEscalated, IssueReported, Topics } from '@gridline/contracts';
import { EventHandler } from './event-handler';
import { assertHandledEventsArrive } from './kafka-event.consumer';

class Projector implements EventHandler {
  constructor(readonly handles: EventHandler['handles']) {}
  async handle(): Promise<void> {}
}

describe('assertHandledEventsArrive: a handler that could never be called stops start-up', () => {
  it('lets a group start whose handlers take catalogue events from topics it reads', () => {
    expect(() =>
      assertHandledEventsArrive({
        group: 'analytics.issues',
        topics: [Topics.issueEvents.name],
        handlers: [new Projector([IssueReported, IssueEscalated])],
      }),
    ).not.toThrow();
  });

  it('refuses an event definition that is not in the catalogue (its events would be ignored as unknown)', () => {
    const stray = defineEvent({
      type: 'gridline.issue.stray.v1',
      topic: Topics.issueEvents.name,
      schema: z.object({ issueId: z.string() }),
      subjectOf: (d: { issueId: string }) => d.issueId,
    } as never);
    expect(() =>
      assertHandledEventsArrive({
        group: 'analytics.issues',
        topics: [Topics.issueEvents.name],
        handlers: [new Projector([stray])],
      }),
    ).toThrow(/Projector handles gridline\.issue\.stray\.v1, which is not the catalogue's definition/);
  });

  it('refuses an event on a topic the group does not read (it would never arrive)', () => {
    expect(() =>
      assertHandledEventsArrive({
        group: 'analytics.grids',
        topics: [Topics.gridState.name],
        handlers: [new Projector([IssueReported])],
      }),
    ).toThrow(/a topic analytics\.grids does not read/);
  });
});
