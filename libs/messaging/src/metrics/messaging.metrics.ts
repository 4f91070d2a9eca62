import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { gridlineMetrics, refreshAtMostEvery } from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { consumerLagOf } from './consumer-lag';

/** Two broker round trips per group and topic: fine every 5 s, not on every scrape of several Prometheus. */
const LAG_MAX_AGE_MS = 5_000;
/** One index-only aggregate over a table that is nearly always empty. */
const OUTBOX_MAX_AGE_MS = 1_000;

const OUTBOX_SQL = `
  SELECT count(*)::int AS backlog,
         COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float8 AS oldest_age
    FROM outbox`;

/** Outbox backlog and age, and the lag of this service's consumer groups, refreshed when /metrics is scraped. */
@Injectable()
export class MessagingMetrics implements OnModuleInit, OnApplicationShutdown {
  private admin: Admin | null = null;
  private readonly removals: Array<() => void> = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaRuntime,
  ) {}

  onModuleInit(): void {
    this.removals.push(
      gridlineMetrics.refreshOnScrape(
        'outbox',
        refreshAtMostEvery(OUTBOX_MAX_AGE_MS, () => this.refreshOutbox()),
      ),
      gridlineMetrics.refreshOnScrape(
        'consumer lag',
        refreshAtMostEvery(LAG_MAX_AGE_MS, () => this.refreshLag()),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const remove of this.removals.splice(0)) remove();
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect();
  }

  private async refreshOutbox(): Promise<void> {
    const [row]: Array<{ backlog: number; oldest_age: number }> = await this.dataSource.query(OUTBOX_SQL);
    gridlineMetrics.outboxBacklog.set(row.backlog);
    gridlineMetrics.outboxOldestAge.set(row.oldest_age);
  }

  private async refreshLag(): Promise<void> {
    if (this.kafka.consumerGroups.size === 0) return;
    const admin = await this.connectedAdmin();
    try {
      const watermarks = new Map<string, Awaited<ReturnType<Admin['fetchTopicOffsets']>>>();
      const series: Array<{ group: string; topic: string; partition: number; lag: number }> = [];
      for (const [group, topics] of this.kafka.consumerGroups) {
        const physical = topics.map((t) => this.kafka.topics.physical(t));
        const committed = await admin.fetchOffsets({
          groupId: this.kafka.topics.consumerGroup(group),
          topics: physical,
        });
        for (const { topic, partitions } of committed) {
          if (!watermarks.has(topic)) watermarks.set(topic, await admin.fetchTopicOffsets(topic));
          for (const { partition, lag } of consumerLagOf(watermarks.get(topic)!, partitions)) {
            series.push({ group, topic: this.kafka.topics.logical(topic), partition, lag });
          }
        }
      }
      // Replaced whole, so a partition or group that went away stops being reported.
      gridlineMetrics.consumerLag.reset();
      for (const { group, topic, partition, lag } of series)
        gridlineMetrics.consumerLag.set({ group, topic, partition: String(partition) }, lag);
    } catch (error) {
      // A broken connection is not reused; the next scrape connects again.
      this.admin = null;
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async connectedAdmin(): Promise<Admin> {
    if (this.admin) return this.admin;
    const admin = this.kafka.kafka.admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }
}
