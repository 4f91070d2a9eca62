import { GridlineMetrics } from './gridline-metrics';

describe('GridlineMetrics', () => {
  it('labels every series, the process metrics too, with the service', async () => {
    const metrics = new GridlineMetrics().forService('analytics');
    metrics.consumerEvents.inc({
      group: 'analytics.issues',
      topic: 'gridline.dispatch.issue-events.v1',
      outcome: 'handled',
    });
    const { text } = await metrics.render();
    expect(text).toContain(
      'gridline_consumer_events_total{group="analytics.issues",topic="gridline.dispatch.issue-events.v1",outcome="handled",service="analytics"} 1',
    );
    expect(text).toMatch(/^process_resident_memory_bytes\{service="analytics"\} \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{service="analytics"\}/m);
  });

  it('refreshes gauges read from elsewhere on scrape, and reports a failing refresh without losing the rest', async () => {
    const metrics = new GridlineMetrics().forService('issue-dispatch');
    metrics.refreshOnScrape('outbox', async () => metrics.outboxBacklog.set(7));
    metrics.refreshOnScrape('broker', async () => {
      throw new Error('broker away');
    });
    const { text, failed } = await metrics.render();
    expect(text).toContain('gridline_outbox_backlog{service="issue-dispatch"} 7');
    expect(failed).toEqual(['broker: broker away']);
  });

  it('belongs to one service per process', () => {
    const metrics = new GridlineMetrics().forService('analytics');
    expect(() => metrics.forService('issue-dispatch')).toThrow('already belong to analytics');
  });
});
