import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type ConsumerOutcomeLabel = 'handled' | 'duplicate' | 'ignored' | 'dead_lettered';

/**
 * Every Prometheus metric a Gridline service exposes on `GET /metrics`, in one registry whose constant label
 * `service` names the process (ADR 0028). Label sets are bounded: routes are templates, topics and groups are
 * the catalogue's logical names, and there is no tenant label (a city has a few dozen districts today, but a
 * label per district multiplies every histogram's series; per-district numbers are analytics' job).
 */
export class GridlineMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'gridline_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status code, from the first byte read to the last written.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly consumerEvents = new Counter({
    name: 'gridline_consumer_events_total',
    help: 'Events a consumer group finished with, by outcome: handled, duplicate (already in the inbox), ignored (no handler), dead_lettered.',
    labelNames: ['group', 'topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly consumerRetries = new Counter({
    name: 'gridline_consumer_retries_total',
    help: 'Handler attempts that failed and were retried after a backoff.',
    labelNames: ['group', 'topic'] as const,
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'gridline_consumer_lag',
    help: "Messages behind: the partition's high watermark minus the group's committed offset (refreshed at most every 5 s).",
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
  });

  readonly outboxBacklog = new Gauge({
    name: 'gridline_outbox_backlog',
    help: 'Outbox rows committed but not yet published to Kafka.',
    registers: [this.registry],
  });

  readonly outboxOldestAge = new Gauge({
    name: 'gridline_outbox_oldest_age_seconds',
    help: 'Age of the oldest unpublished outbox row; 0 when the outbox is empty.',
    registers: [this.registry],
  });

  readonly outboxPublishLatency = new Histogram({
    name: 'gridline_outbox_publish_latency_seconds',
    help: "From an outbox row's commit to Kafka's acknowledgement (acks=all) of its event.",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly timersPending = new Gauge({
    name: 'gridline_timers_pending',
    help: 'Durable timers waiting to fire (due or not).',
    registers: [this.registry],
  });

  readonly timersDue = new Gauge({
    name: 'gridline_timers_due',
    help: 'Durable timers whose deadline has passed but which have not fired yet.',
    registers: [this.registry],
  });

  readonly timerLag = new Histogram({
    name: 'gridline_timer_lag_seconds',
    help: 'How late a durable timer fired: fired at minus due at.',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  readonly sseConnections = new Gauge({
    name: 'gridline_sse_connections',
    help: 'Open live-feed (text/event-stream) connections.',
    registers: [this.registry],
  });

  readonly dbPoolConnections = new Gauge({
    name: 'gridline_db_pool_connections',
    help: 'PostgreSQL pool connections by state: total (open), idle, waiting (callers queued for one).',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  private readonly refreshers: Array<{ what: string; refresh: () => Promise<void> }> = [];
  private serviceName: string | null = null;

  /** Names the service on every series and adds prom-client's process and Node metrics. Once per process. */
  forService(serviceName: string): this {
    if (this.serviceName === serviceName) return this;
    if (this.serviceName) throw new Error(`metrics already belong to ${this.serviceName}, not ${serviceName}`);
    this.serviceName = serviceName;
    this.registry.setDefaultLabels({ service: serviceName });
    collectDefaultMetrics({ register: this.registry });
    return this;
  }

  /**
   * Values read from elsewhere (the database, the broker) are refreshed when scraped; wrap a costly refresh in
   * refreshAtMostEvery. Returns a function that removes it (a module shutting down).
   */
  refreshOnScrape(what: string, refresh: () => Promise<void>): () => void {
    const entry = { what, refresh };
    this.refreshers.push(entry);
    return () => {
      const index = this.refreshers.indexOf(entry);
      if (index >= 0) this.refreshers.splice(index, 1);
    };
  }

  /**
   * The Prometheus text. A refresh that fails leaves its gauges at their last values and is reported, so one
   * unreachable dependency does not blank the whole scrape.
   */
  async render(): Promise<{ text: string; failed: string[] }> {
    const results = await Promise.allSettled(this.refreshers.map((r) => r.refresh()));
    const failed = results.flatMap((result, i) =>
      result.status === 'rejected' ? [`${this.refreshers[i].what}: ${(result.reason as Error).message}`] : [],
    );
    return { text: await this.registry.metrics(), failed };
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * The process's metrics. One process is one service, and the recorders live in code Nest does not always build
 * (consumers are created by factories, the bench runs the libraries without a service module), so they record
 * here rather than through an injected instance.
 */
export const gridlineMetrics = new GridlineMetrics();
