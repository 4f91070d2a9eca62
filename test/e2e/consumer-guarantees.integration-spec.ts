import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import {
  deadLetterTopicOf,
  GridStateChanged,
  IssueEscalated,
  IssueReported,
  TenantStateChanged,
  Topics,
} from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { syntheticEvent } from '../support/synthetic-event';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { samplesOf, scrape } from '../support/prometheus-text';
import { as } from '../support/tokens';

/**
 * What every consumer promises, shown on analytics and issue-dispatch running as processes: the same event
 * delivered twice changes state once (inbox); a malformed event, or one claiming a source other than the topic's
 * owner, goes to the group's dead-letter topic and the next event on the same partition is still processed.
 */
describe('consumer guarantees', () => {
  const tenantId = 'guarantees';
  let platform: PlatformUnderTest;
  let producer: Producer;
  let deadLetters: EventRecorder;

  beforeAll(async () => {
    platform = await startPlatform('consumers', ['analytics', 'issue-dispatch']);
    producer = EventRecorder.kafka().producer();
    await producer.connect();
    deadLetters = await new EventRecorder(EventRecorder.kafka()).start([
      platform.topic(deadLetterTopicOf('analytics.projections')),
      platform.topic(deadLetterTopicOf('issue-dispatch.grid-replica')),
    ]);
    const tenant = { tenantId, divisionCode: '410199', name: '测试区', nameEn: null, version: 1 };
    await producer.send({
      topic: platform.topic(Topics.tenantState.name),
      messages: [cloudEvent(TenantStateChanged.type, tenantId, tenant)],
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await deadLetters?.stop();
    await platform?.shutdown();
  });

  function cloudEvent(type: string, subject: string, data: unknown, source?: string) {
    return syntheticEvent(type, subject, data, { tenant: tenantId, source }).message;
  }

  const reported = (issueId: string) => ({
    issueId,
    tenantId,
    category: 'noise',
    channel: 'resident',
    gridId: 'grid-1',
    reportedAt: new Date().toISOString(),
  });

  async function totalIssues(): Promise<number> {
    const r = await httpClient(platform.services.analytics.baseUrl, await as.districtAdmin(tenantId)).get(
      `/v1/tenants/${tenantId}/issues/counts`,
    );
    return r.status === 200 ? r.body.total : -1;
  }

  it('changes a consumer’s state once when the same event is delivered twice', async () => {
    const issueId = randomUUID();
    const message = cloudEvent(IssueReported.type, issueId, reported(issueId));
    await producer.send({ topic: platform.topic(Topics.issueEvents.name), messages: [message] });
    await eventually('analytics to count the issue', async () => (await totalIssues()) === 1);

    await producer.send({ topic: platform.topic(Topics.issueEvents.name), messages: [message] });
    const marker = randomUUID(); // a later event on the same key proves the duplicate was read, not just not yet
    await producer.send({
      topic: platform.topic(Topics.issueEvents.name),
      messages: [cloudEvent(IssueReported.type, issueId, reported(marker))],
    });
    await eventually('the marker event to be handled', async () => {
      const rows = await platform.database.query(`SELECT 1 FROM analytics.issue_facts WHERE issue_id = $1`, [marker]);
      return rows.length === 1;
    });
    expect(await totalIssues()).toBe(2);
    const inbox = await platform.database.query(`SELECT event_id FROM analytics.inbox WHERE event_id = $1`, [
      message.headers.ce_id,
    ]);
    expect(inbox).toHaveLength(1);
  });

  it('dead-letters an event that breaks its schema and goes on with the next one on the partition', async () => {
    const issueId = randomUUID();
    const { category: _dropped, ...withoutCategory } = reported(issueId);
    const bad = cloudEvent(IssueReported.type, issueId, withoutCategory);
    const good = cloudEvent(IssueReported.type, issueId, reported(issueId));
    await producer.send({ topic: platform.topic(Topics.issueEvents.name), messages: [bad, good] }); // same key → same partition, in order

    const dead = await eventually('the bad event in the dead-letter topic', async () =>
      deadLetters.messages.find((m) => m.headers.ce_id === bad.headers.ce_id),
    );
    expect(dead.headers).toMatchObject({
      dlq_reason: 'schema-violation',
      dlq_consumer_group: 'analytics.projections',
      dlq_original_topic: Topics.issueEvents.name,
    });
    expect(dead.headers.dlq_detail).toContain('category');
    await eventually('the next event on the partition to be handled', async () => {
      const rows = await platform.database.query(`SELECT 1 FROM analytics.issue_facts WHERE issue_id = $1`, [issueId]);
      return rows.length === 1;
    });
  });

  it('dead-letters a message that is not a CloudEvent at all', async () => {
    const key = randomUUID();
    await producer.send({
      topic: platform.topic(Topics.issueEvents.name),
      messages: [{ key, value: 'not json', headers: { ce_specversion: '1.0' } }],
    });
    const dead = await eventually('the malformed message in the dead-letter topic', async () =>
      deadLetters.messages.find((m) => m.key === key),
    );
    expect(dead.headers.dlq_reason).toBe('malformed-envelope');
  });

  it('dead-letters an event a handler can never accept, after which the replica keeps working', async () => {
    const gridOf = (gridId: string, owner: string) => ({
      gridId,
      tenantId: owner,
      parentId: null,
      level: 'street',
      code: '410199001',
      name: 'x',
      dedicated: null,
      addresses: [],
      leader: null,
      version: 1,
    });
    const smuggled = cloudEvent(GridStateChanged.type, 'g-smuggled', gridOf('g-smuggled', 'another-district')); // tenant header ≠ payload tenant
    const honest = cloudEvent(GridStateChanged.type, 'g-honest', gridOf('g-honest', tenantId));
    await producer.send({ topic: platform.topic(Topics.gridState.name), messages: [smuggled, honest] });

    const dead = await eventually('the cross-tenant grid in the dead-letter topic', async () =>
      deadLetters.messages.find(
        (m) =>
          m.headers.ce_id === smuggled.headers.ce_id && m.headers.dlq_consumer_group === 'issue-dispatch.grid-replica',
      ),
    );
    expect(dead.headers).toMatchObject({
      dlq_reason: 'handler-failed',
      dlq_consumer_group: 'issue-dispatch.grid-replica',
    });
    await eventually(
      'the honest grid in the replica',
      async () =>
        (await platform.database.query(`SELECT 1 FROM issue_dispatch.grid_replica WHERE grid_id = 'g-honest'`))
          .length === 1,
    );
    expect(
      await platform.database.query(`SELECT 1 FROM issue_dispatch.grid_replica WHERE grid_id = 'g-smuggled'`),
    ).toHaveLength(0);
  });

  it("dead-letters an event whose source is not the topic's owner, even from a principal allowed to write there", async () => {
    const issueId = randomUUID();
    const forged = cloudEvent(IssueReported.type, issueId, reported(issueId), '/gridline/analytics');
    const honest = cloudEvent(IssueReported.type, issueId, reported(issueId));
    await producer.send({ topic: platform.topic(Topics.issueEvents.name), messages: [forged, honest] });

    const dead = await eventually('the forged event in the dead-letter topic', async () =>
      deadLetters.messages.find((m) => m.headers.ce_id === forged.headers.ce_id),
    );
    expect(dead.headers).toMatchObject({ dlq_reason: 'untrusted-source', dlq_consumer_group: 'analytics.projections' });
    expect(dead.headers.dlq_detail).toContain('only /gridline/issue-dispatch writes');
    await eventually(
      'the honest event to be handled',
      async () =>
        (await platform.database.query(`SELECT 1 FROM analytics.inbox WHERE event_id = $1`, [honest.headers.ce_id]))
          .length === 1,
    );
    expect(
      await platform.database.query(`SELECT 1 FROM analytics.inbox WHERE event_id = $1`, [forged.headers.ce_id]),
    ).toHaveLength(0);
  });

  it('retries a handler that fails for a reason not known to be permanent, then dead-letters the event', async () => {
    // Valid by the contract (a positive integer) but out of range for the projection's int column: the database
    // refuses it on every attempt, which is the shape of a transient failure that never clears.
    const issueId = randomUUID();
    const tooDeep = cloudEvent(IssueEscalated.type, issueId, {
      issueId,
      tenantId,
      category: 'noise',
      fromGridId: 'grid-1',
      fromLevel: 'micro',
      toGridId: 'grid-2',
      toLevel: 'grid',
      reason: 'ack-timeout',
      depth: 2 ** 40,
      ackDeadline: null,
      critical: false,
    });
    await producer.send({ topic: platform.topic(Topics.issueEvents.name), messages: [tooDeep] });
    const dead = await eventually('the event to be dead-lettered after its retries', async () =>
      deadLetters.messages.find((m) => m.headers.ce_id === tooDeep.headers.ce_id),
    );
    expect(dead.headers).toMatchObject({ dlq_reason: 'handler-failed', dlq_consumer_group: 'analytics.projections' });
    expect(dead.headers.dlq_detail).toContain('after 3 attempt(s)'); // CONSUMER_MAX_ATTEMPTS in the test platform
  });

  it("counts each outcome and retry above in the consumers' metrics", async () => {
    const count = async (app: 'analytics' | 'issue-dispatch', name: string, labels: Record<string, string>) =>
      samplesOf(await scrape(platform.services[app].baseUrl), name, labels).reduce((sum, s) => sum + s.value, 0);
    const issueEvents = { group: 'analytics.projections', topic: Topics.issueEvents.name };
    expect(
      await count('analytics', 'gridline_consumer_events_total', { ...issueEvents, outcome: 'duplicate' }),
    ).toBeGreaterThanOrEqual(1);
    // The schema violation, the malformed message, the forged source and the event too deep for the database.
    expect(
      await count('analytics', 'gridline_consumer_events_total', { ...issueEvents, outcome: 'dead_lettered' }),
    ).toBe(4);
    expect(
      await count('analytics', 'gridline_consumer_events_total', { ...issueEvents, outcome: 'handled' }),
    ).toBeGreaterThanOrEqual(4);
    // Three attempts of the too-deep event: two retries. Nothing else on the topic was retried.
    expect(await count('analytics', 'gridline_consumer_retries_total', issueEvents)).toBe(2);

    // A permanent failure is dead-lettered at once, without retries.
    const gridState = { group: 'issue-dispatch.grid-replica', topic: Topics.gridState.name };
    expect(
      await count('issue-dispatch', 'gridline_consumer_events_total', { ...gridState, outcome: 'dead_lettered' }),
    ).toBe(1);
    expect(await count('issue-dispatch', 'gridline_consumer_retries_total', gridState)).toBe(0);
  });
});
