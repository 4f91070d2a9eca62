import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { IssueReported, Topics } from '@gridline/contracts';
import { eventually } from '@gridline/testing';
import { buildIntakeDistrict } from '../support/intake-district';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { Sample, samplesOf, scrape } from '../support/prometheus-text';
import { SseClient } from '../support/sse-client';
import { as } from '../support/tokens';

const ISSUE_EVENTS = Topics.issueEvents.name;
const ANALYTICS_GROUP = 'analytics.projections';

/** Every line a service wrote, each of which must be one JSON object. */
function jsonLines(logFile: string): Array<Record<string, unknown>> {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${logFile}: a line that is not JSON: ${line.slice(0, 300)}`);
      }
    });
}

const total = (samples: Sample[]) => samples.reduce((sum, s) => sum + s.value, 0);

/**
 * What an operator sees of one report, on the real broker, database and cache: Prometheus metrics that moved
 * on issue-dispatch and analytics, and JSON log lines in both services that carry the same correlation id and
 * district, from the HTTP request through the consumed event.
 */
describe('observability: metrics and correlated JSON logs', () => {
  let platform: PlatformUnderTest;
  let token: string;
  const correlationId = `obs-${randomUUID()}`;
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  let issueId: string;

  beforeAll(async () => {
    platform = await startPlatform('observability', ['grid-registry', 'issue-dispatch', 'analytics'], {
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
    });
    await buildIntakeDistrict(platform);
    token = await as.resident('erqi', 'resident:observed');
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('answers a report with the caller’s correlation id and counts it under its route template', async () => {
    const dispatch = platform.services['issue-dispatch'];
    const response = await fetch(`${dispatch.baseUrl}/v1/tenants/erqi/issues`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-correlation-id': correlationId,
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({
        category: 'street-lighting',
        description: '路灯不亮',
        location: { lon: 113.6022, lat: 34.7022 },
        reporter: { name: '观察者', phone: '13612345678' },
      }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    issueId = ((await response.json()) as { id: string }).id;

    const samples = await scrape(dispatch.baseUrl);
    const posts = samplesOf(samples, 'gridline_http_request_duration_seconds_count', {
      method: 'POST',
      route: '/v1/tenants/:tenantId/issues',
      status_code: '201',
      service: 'issue-dispatch',
    });
    expect(total(posts)).toBeGreaterThanOrEqual(1);
    // Ids never become label values.
    expect(samples.filter((s) => s.labels.route?.includes(issueId))).toEqual([]);
  });

  it('shows the outbox relay publishing, timers pending after the dispatch, and the database pool, on issue-dispatch', async () => {
    const dispatch = platform.services['issue-dispatch'];
    const samples = await eventually('the report published from the outbox', async () => {
      const s = await scrape(dispatch.baseUrl);
      return total(samplesOf(s, 'gridline_outbox_publish_latency_seconds_count')) > 0 ? s : undefined;
    });
    expect(samplesOf(samples, 'gridline_outbox_publish_latency_seconds_count')[0].labels.service).toBe(
      'issue-dispatch',
    );
    expect(samplesOf(samples, 'gridline_outbox_backlog')).toHaveLength(1);
    expect(samplesOf(samples, 'gridline_outbox_oldest_age_seconds')).toHaveLength(1);
    // The acknowledgement deadline of the dispatched report (a 600 s window) is a durable timer.
    expect(samplesOf(samples, 'gridline_timers_pending')[0].value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'gridline_timers_due')[0].value).toBe(0);
    expect(samplesOf(samples, 'gridline_db_pool_connections', { state: 'total' })[0].value).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'gridline_db_pool_connections', { state: 'waiting' })).toHaveLength(1);
    expect(samplesOf(samples, 'process_resident_memory_bytes', { service: 'issue-dispatch' })[0].value).toBeGreaterThan(
      0,
    );
    expect(samplesOf(samples, 'nodejs_eventloop_lag_seconds', { service: 'issue-dispatch' })).toHaveLength(1);
  });

  it("counts analytics' handling of the report and reports its lag at zero once it has caught up", async () => {
    const analytics = platform.services.analytics;
    const samples = await eventually(
      'analytics to have handled the issue events and caught up',
      async () => {
        const s = await scrape(analytics.baseUrl);
        const handled = total(
          samplesOf(s, 'gridline_consumer_events_total', {
            group: ANALYTICS_GROUP,
            topic: ISSUE_EVENTS,
            outcome: 'handled',
            service: 'analytics',
          }),
        );
        const lag = samplesOf(s, 'gridline_consumer_lag', { group: ANALYTICS_GROUP, topic: ISSUE_EVENTS });
        return handled > 0 && lag.length > 0 && lag.every((l) => l.value === 0) ? s : undefined;
      },
      30_000,
      500,
    );
    const lag = samplesOf(samples, 'gridline_consumer_lag', { group: ANALYTICS_GROUP, topic: ISSUE_EVENTS });
    expect(lag.map((l) => l.labels.partition).sort()).toEqual(['0', '1', '2']);
    expect(samplesOf(samples, 'gridline_sse_connections', { service: 'analytics' })).toHaveLength(1);
  });

  it("counts analytics' open feed connections", async () => {
    const analytics = platform.services.analytics;
    const connections = async () =>
      samplesOf(await scrape(analytics.baseUrl), 'gridline_sse_connections', { service: 'analytics' })[0]?.value;
    expect(await connections()).toBe(0);
    const feed = await SseClient.open(`${analytics.baseUrl}/v1/tenants/erqi/feed`, {
      authorization: `Bearer ${await as.dispatcher('erqi')}`,
    });
    expect(feed.status).toBe(200);
    try {
      await eventually('the open feed to be counted', async () => (await connections()) === 1);
    } finally {
      await feed.close();
    }
    await eventually('the closed feed to be gone from the count', async () => (await connections()) === 0);
  });

  it('exposes the same metrics on grid-registry, labelled with its own name', async () => {
    const samples = await scrape(platform.services['grid-registry'].baseUrl);
    // buildIntakeDistrict created the districts through it.
    expect(
      total(
        samplesOf(samples, 'gridline_http_request_duration_seconds_count', {
          method: 'POST',
          route: '/v1/tenants',
          status_code: '201',
          service: 'grid-registry',
        }),
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(samplesOf(samples, 'process_resident_memory_bytes', { service: 'grid-registry' })).toHaveLength(1);
    expect(samples.filter((s) => s.labels.service !== 'grid-registry')).toEqual([]);
  });

  it('keeps /metrics out of the OpenAPI document', async () => {
    const document = (await (await fetch(`${platform.services['issue-dispatch'].baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).not.toContain('/metrics');
    expect(Object.keys(document.paths)).toContain('/v1/tenants/{tenantId}/issues');
  });

  it("writes JSON lines that tie the POST in issue-dispatch to analytics' handling of its event, by correlation id and district", async () => {
    const dispatchLines = jsonLines(platform.services['issue-dispatch'].logFile);
    const analyticsLines = jsonLines(platform.services.analytics.logFile);
    for (const line of [...dispatchLines, ...analyticsLines]) expect(typeof line.service).toBe('string');

    const post = dispatchLines.find(
      (line) => line.msg === 'POST /v1/tenants/:tenantId/issues 201' && line.correlationId === correlationId,
    );
    expect(post).toMatchObject({
      service: 'issue-dispatch',
      tenant: 'erqi',
      correlationId,
      traceId,
      level: 'info',
      req: { method: 'POST', url: '/v1/tenants/erqi/issues' },
      res: { statusCode: 201 },
    });

    const consumed = await eventually('the consumer line in the analytics log', async () =>
      jsonLines(platform.services.analytics.logFile).find(
        (line) =>
          typeof line.msg === 'string' &&
          line.msg.startsWith(`handled ${IssueReported.type} `) &&
          line.correlationId === correlationId,
      ),
    );
    // The caller's trace crossed Kafka with the event (ce_traceparent, ADR 0029) and reached the consumer's line.
    expect(consumed).toMatchObject({
      service: 'analytics',
      tenant: 'erqi',
      correlationId,
      traceId,
      context: `Consumer ${ANALYTICS_GROUP}`,
      level: 'debug',
    });

    // A caller that sends no correlation id gets one, and it is the one the report's events carry to analytics.
    const unlabelled = await fetch(`${platform.services['issue-dispatch'].baseUrl}/v1/tenants/erqi/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        category: 'noise',
        description: '夜间施工',
        location: { lon: 113.6022, lat: 34.7022 },
        reporter: { name: '居民' },
      }),
    });
    expect(unlabelled.status).toBe(201);
    const given = unlabelled.headers.get('x-correlation-id');
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    await eventually('analytics to log the unlabelled report under the id issue-dispatch gave it', async () =>
      jsonLines(platform.services.analytics.logFile).find(
        (line) => String(line.msg).startsWith(`handled ${IssueReported.type} `) && line.correlationId === given,
      ),
    );

    // Neither the bearer token nor the reporter's contact is written anywhere.
    const everything =
      readFileSync(platform.services['issue-dispatch'].logFile, 'utf8') +
      readFileSync(platform.services.analytics.logFile, 'utf8');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('13612345678');
  });
});
