import { randomBytes } from 'node:crypto';
import { IssueDispatched, IssueEscalated, TaskOffered, Topics } from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;
const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];
const spanIdOf = (traceparent: string | undefined) => traceparent?.split('-')[2];

/**
 * One trace from a resident's report to analytics, across processes and Kafka: the client's `traceparent` reaches
 * issue-dispatch's request span, is stored with the outbox rows and the escalation timer, travels as the CloudEvents
 * `ce_traceparent` header, and the consumers in volunteer-coordination and analytics continue it. Spans are
 * exported by the services' real OTLP/HTTP exporters to a collector the test runs.
 */
describe('tracing: one trace from report to escalation, volunteer offer and analytics', () => {
  const tenantId = 'erqi';
  const receiver = new OtlpReceiver();
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let dispatch: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};

  beforeAll(async () => {
    const collector = await receiver.start();
    platform = await startPlatform(
      'tracing',
      ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'],
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector,
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
    );
    const admin = await as.districtAdmin(tenantId);
    const registry = httpClient(platform.services['grid-registry'].baseUrl, admin);
    dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, await as.resident(tenantId));
    const volunteers = httpClient(platform.services['volunteer-coordination'].baseUrl, admin);
    recorder = new EventRecorder(EventRecorder.kafka());
    await recorder.start([platform.topic(Topics.issueEvents.name), platform.topic(Topics.taskOffers.name)]);

    expect(
      (
        await registry
          .as(await as.cityAdmin())
          .post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })
      ).status,
    ).toBe(201);
    for (const [key, body] of [
      ['street', { level: 'street', parentId: null, name: '大学路街道' }],
      ['community', { level: 'community', parentId: 'street', name: '桃源社区' }],
      ['level3', { level: 'grid', parentId: 'community', name: '第一网格' }],
      ['micro', { level: 'micro', parentId: 'level3', name: '47号院', addresses: ['47号院'] }],
    ] as const) {
      const response = await registry.post(`/v1/tenants/${tenantId}/grids`, {
        ...body,
        parentId: body.parentId && grid[body.parentId],
      });
      expect(response.status).toBe(201);
      grid[key] = response.body.gridId;
    }
    const windows = { micro: 2, grid: 600, community: 600, street: 600, district: 600, city: 600 };
    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await dispatch.as(admin).put(`/v1/tenants/${tenantId}/categories/elderly-help`, {
            name: '助老 elderly help',
            ackWithinSeconds: windows,
          })
        ).status === 200,
    );
    await eventually(
      'volunteers to know the district',
      async () =>
        (await volunteers.put(`/v1/tenants/${tenantId}/help-categories/elderly-help`, { skill: 'elderly-care' }))
          .status === 200,
    );
    await eventually(
      'volunteers to know the level-3 grid',
      async () =>
        (
          await volunteers.post(`/v1/tenants/${tenantId}/volunteers`, {
            name: '黄科大学生',
            phone: '13900000000',
            homeGridId: grid.level3,
            skills: ['elderly-care'],
          })
        ).status === 201,
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
    await receiver.stop();
  });

  it("continues the resident's trace through intake, the escalation timer, Kafka, volunteer-coordination and analytics", async () => {
    // A report that arrives before the micro-grid's address reached dispatch's replica is accepted too, but queued
    // for the dispatch centre (201, state reported). Only a dispatched one is the trace this test follows, so each
    // attempt starts its own trace and the queued ones stay out of it.
    const { created, traceId, clientSpanId } = await eventually('dispatch to know the micro-grid', async () => {
      const attempt = { traceId: randomBytes(16).toString('hex'), clientSpanId: randomBytes(8).toString('hex') };
      const response = await dispatch.post(
        `/v1/tenants/${tenantId}/issues`,
        {
          category: 'elderly-help',
          address: '47号院',
          description: '独居老人需要帮忙买药',
          reporter: { name: '李阿姨' },
        },
        { traceparent: `00-${attempt.traceId}-${attempt.clientSpanId}-01` },
      );
      return response.status === 201 && response.body.state === 'dispatched'
        ? { created: response, ...attempt }
        : undefined;
    });
    const issueId: string = created.body.id;

    // On Kafka: the events the report caused carry its trace, including the one a timer emitted seconds later.
    const dispatched = await recorder.waitForEvent(
      'dispatched',
      (e) => e.type === IssueDispatched.type && e.subject === issueId,
    );
    const escalated = await recorder.waitForEvent(
      'escalated by its ack timer',
      (e) => e.type === IssueEscalated.type && e.subject === issueId,
      30_000,
    );
    const offered = await recorder.waitForEvent(
      'a task offer',
      (e) => e.type === TaskOffered.type && (e.data as { issueId: string }).issueId === issueId,
    );
    expect([dispatched, escalated, offered].map((e) => traceIdOf(e.traceparent ?? undefined))).toEqual([
      traceId,
      traceId,
      traceId,
    ]);

    const spans = await eventually(
      'spans from all three services',
      async () => {
        const found = receiver.inTrace(traceId);
        const names = new Set(found.map((s) => `${s.service} ${s.name}`));
        const expected = [
          `volunteer-coordination process ${IssueDispatched.type}`,
          `analytics process ${IssueEscalated.type}`,
        ];
        return expected.every((name) => names.has(name)) && found.some((s) => s.name.startsWith('timer '))
          ? found
          : undefined;
      },
      30_000,
    );
    expect(receiver.rejected).toEqual([]);
    const one = (test: (s: ReceivedSpan) => boolean, what: string) => {
      const matching = spans.filter(test);
      if (matching.length === 0)
        throw new Error(`no span ${what} in ${JSON.stringify(spans.map((s) => [s.service, s.name, s.kind]))}`);
      return matching[0];
    };

    // The request span is the child of the resident's client span, named by its route template.
    const request = one(
      (s) => s.service === 'issue-dispatch' && s.kind === SERVER && s.name.startsWith('POST '),
      'for the report',
    );
    expect(request).toMatchObject({ parentSpanId: clientSpanId, name: 'POST /v1/tenants/:tenantId/issues' });
    expect(request.attributes['http.response.status_code']).toBe(201);
    // The dispatch event was created inside it, and the relay's publish span hangs under it.
    expect(spanIdOf(dispatched.traceparent ?? undefined)).toBe(request.spanId);
    one(
      (s) => s.service === 'issue-dispatch' && s.kind === PRODUCER && s.parentSpanId === request.spanId,
      'publishing under the request',
    );
    // The escalation ran in a timer span under the request that scheduled it, and its event was created there.
    const timer = one(
      (s) => s.service === 'issue-dispatch' && s.name.startsWith('timer ') && s.parentSpanId === request.spanId,
      'of the ack deadline',
    );
    expect(spanIdOf(escalated.traceparent ?? undefined)).toBe(timer.spanId);
    // Consumers continue the event's context: volunteer-coordination's offer, analytics' projection of the escalation.
    const offerWork = one(
      (s) =>
        s.service === 'volunteer-coordination' && s.kind === CONSUMER && s.name === `process ${IssueDispatched.type}`,
      'matching a volunteer',
    );
    expect(offerWork.parentSpanId).toBe(request.spanId);
    expect(spanIdOf(offered.traceparent ?? undefined)).toBe(offerWork.spanId);
    const projected = one(
      (s) => s.service === 'analytics' && s.kind === CONSUMER && s.name === `process ${IssueEscalated.type}`,
      'projecting the escalation',
    );
    expect(projected.parentSpanId).toBe(timer.spanId);
    expect(projected.attributes).toMatchObject({ 'gridline.tenant': tenantId, 'cloudevents.event_id': escalated.id });
  });

  it('starts a new trace for a request that brings none, and the events it causes carry it', async () => {
    const response = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
      category: 'elderly-help',
      address: '47号院',
      description: '楼道需要扶手',
      reporter: { name: '王先生' },
    });
    expect(response.status).toBe(201);
    const dispatched = await recorder.waitForEvent(
      'dispatched',
      (e) => e.type === IssueDispatched.type && e.subject === response.body.id,
    );
    const traceId = traceIdOf(dispatched.traceparent ?? undefined);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toBe('0'.repeat(32));
    const root = await eventually('the request span', async () =>
      receiver.inTrace(traceId!).find((s) => s.service === 'issue-dispatch' && s.kind === SERVER),
    );
    expect(root.parentSpanId).toBe('');
  });
});
