import { Controller, INestApplication, Type } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, EventData, IssueEscalated, IssueReported, SubscriptionSpec, Topics } from '@gridline/contracts';
import { HandlingContext, PermanentEventError } from '../consumer/event-handler';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { HandleEvent } from './handle-event.decorator';
import { KafkaEventContext } from './kafka-event.context';
import { KafkaEventServer } from './kafka-event.server';

/**
 * The transport's side of Nest without a broker: which methods a group's server takes, and what the consumer gets
 * when it calls one through Nest's pipeline. The consumer's own guarantees are proven on the real broker and
 * database (test/e2e/batch-consumer.integration-spec.ts and the services' specs).
 */
const issues: SubscriptionSpec = {
  group: 'tests.issues',
  service: 'analytics',
  topics: [Topics.issueEvents.name],
  description: 'issues',
};
const grids: SubscriptionSpec = {
  group: 'tests.grids',
  service: 'analytics',
  topics: [Topics.gridState.name],
  description: 'grids',
};

const calls: Array<{ method: string; payload: unknown; event?: CloudEvent; manager: EntityManager; group: string }> =
  [];

@Controller()
class IssueEvents {
  @HandleEvent(IssueReported, issues)
  reported(@Payload() report: EventData<typeof IssueReported>, @Ctx() context: KafkaEventContext): void {
    calls.push({
      method: 'reported',
      payload: report,
      event: context.event,
      manager: context.manager,
      group: context.group,
    });
    context.afterCommit(
      () =>
        void calls.push({
          method: 'after commit',
          payload: report.issueId,
          manager: context.manager,
          group: context.group,
        }),
    );
    if (report.issueId === 'refused') throw new PermanentEventError('refused for good');
    if (report.issueId === 'broken') throw new TypeError('broken handler');
  }

  @HandleEvent([IssueReported, IssueEscalated], issues, { batch: true })
  async folded(@Payload() events: readonly CloudEvent[], @Ctx() { manager, group }: KafkaEventContext): Promise<void> {
    calls.push({ method: 'folded', payload: events.map((e) => e.type), manager, group });
  }
}

function fakeKafka(): KafkaRuntime {
  return { declareConsumerGroup: () => undefined, registerConsumer: () => undefined } as unknown as KafkaRuntime;
}

async function serve(
  subscription: SubscriptionSpec,
  controllers: Type[],
): Promise<{ app: INestApplication; server: KafkaEventServer }> {
  const moduleRef = await Test.createTestingModule({ controllers }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const server = new KafkaEventServer(subscription, fakeKafka(), {} as DataSource, {
    maxAttempts: 3,
    backoff: { baseMs: 10, maxMs: 100 },
    partitionsConcurrently: 1,
    batchSize: 10,
  });
  app.connectMicroservice({ strategy: server });
  await app.startAllMicroservices();
  return { app, server };
}

function eventOf(type: string, data: unknown): CloudEvent {
  return {
    specversion: '1.0',
    id: `e-${Math.random()}`,
    type,
    source: '/gridline/issue-dispatch',
    subject: 's',
    time: new Date().toISOString(),
    tenantid: 'one-street',
    correlationid: 'c',
    causationid: null,
    datacontenttype: 'application/json',
    data,
  } as CloudEvent;
}

function handlingContext(): HandlingContext & { actions: Array<() => unknown> } {
  const actions: Array<() => unknown> = [];
  return {
    manager: { name: 'the transaction' } as unknown as EntityManager,
    afterCommit: (action) => void actions.push(action),
    actions,
  };
}

describe('KafkaEventServer: a consumer group as a Nest microservice transport', () => {
  let running: INestApplication | undefined;
  afterEach(async () => {
    calls.length = 0;
    await running?.close();
    running = undefined;
  });

  it('takes each @HandleEvent method bound to its group once, with every type it names', async () => {
    const { app, server } = await serve(issues, [IssueEvents]);
    running = app;
    expect(server.handlers.map((h) => [h.name, h.handles.map((d) => d.type), Boolean(h.handleMany)])).toEqual([
      ['IssueEvents.reported', [IssueReported.type], false],
      ['IssueEvents.folded', [IssueReported.type, IssueEscalated.type], true],
    ]);
  });

  it('calls a method with the validated data as @Payload and the event, transaction and group in @Ctx', async () => {
    const { app, server } = await serve(issues, [IssueEvents]);
    running = app;
    const event = eventOf(IssueReported.type, { issueId: 'i-1' });
    const handling = handlingContext();
    await server.handlers[0].handle(event, handling);
    expect(calls).toEqual([
      { method: 'reported', payload: { issueId: 'i-1' }, event, manager: handling.manager, group: 'tests.issues' },
    ]);
    // After-commit actions go to the consumer, which runs them once the transaction committed.
    expect(handling.actions).toHaveLength(1);
  });

  it('gives a batch method the events as its payload, and one event at a time when the consumer isolates a failure', async () => {
    const { app, server } = await serve(issues, [IssueEvents]);
    running = app;
    const folded = server.handlers[1];
    await folded.handleMany!([eventOf(IssueReported.type, {}), eventOf(IssueEscalated.type, {})], handlingContext());
    await folded.handle(eventOf(IssueEscalated.type, {}), handlingContext());
    expect(calls.map((c) => c.payload)).toEqual([[IssueReported.type, IssueEscalated.type], [IssueEscalated.type]]);
  });

  it('hands a handler\'s error to the consumer as thrown, not as Nest\'s "Internal server error"', async () => {
    const { app, server } = await serve(issues, [IssueEvents]);
    running = app;
    const refused = server.handlers[0].handle(eventOf(IssueReported.type, { issueId: 'refused' }), handlingContext());
    await expect(refused).rejects.toBeInstanceOf(PermanentEventError);
    await expect(
      server.handlers[0].handle(eventOf(IssueReported.type, { issueId: 'broken' }), handlingContext()),
    ).rejects.toThrow(new TypeError('broken handler'));
  });

  it('leaves methods bound to another group alone, and will not start a group with nothing to do', async () => {
    await expect(serve(grids, [IssueEvents])).rejects.toThrow(
      'consumer group tests.grids cannot start: no @HandleEvent method is bound to it',
    );
  });

  it('refuses a handler for an event its group does not read', async () => {
    @Controller()
    class StrayEvents {
      @HandleEvent(IssueReported, grids)
      reported(): void {}
    }
    await expect(serve(grids, [StrayEvents])).rejects.toThrow(
      /StrayEvents\.reported handles gridline\.issue\.reported, which travels on .*, a topic tests\.grids does not read/,
    );
  });

  it('refuses @MessagePattern (nobody to reply to) and a bare @EventPattern (its errors would lose their dead-letter reason)', async () => {
    @Controller()
    class NestDefaults {
      @MessagePattern(IssueReported.type)
      asked(): string {
        return 'answer';
      }

      @EventPattern(IssueEscalated.type)
      escalated(): void {}
    }
    await expect(serve(issues, [NestDefaults])).rejects.toThrow(
      /@MessagePattern\(gridline\.issue\.reported\) expects a reply.*@EventPattern\(gridline\.issue\.escalated\) without @HandleEvent/,
    );
  });
});
