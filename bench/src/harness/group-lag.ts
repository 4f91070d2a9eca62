import { Admin, Kafka } from 'kafkajs';
import { allSubscriptions, deadLetterTopicOf } from '@gridline/contracts';
import { now } from './measure';

/** One consumer group at one sample: how far behind its committed offsets are, in time and in messages. */
export interface GroupLag {
  /**
   * Age of the oldest message the group has not committed, in ms: the time since the log's end was last seen at or
   * below the committed offset (an upper bound, at most one sampling interval above the true age; 0 when caught up).
   */
  readonly ms: number;
  readonly messages: number;
}

export interface LagSample {
  /** Monotonic clock (measure.ts `now`). */
  readonly at: number;
  /** Per logical group name (libs/contracts Subscriptions). */
  readonly groups: ReadonlyMap<string, GroupLag>;
}

interface WatchedGroup {
  readonly name: string;
  readonly physical: string;
  readonly topics: readonly string[];
}

/** Log-end offsets seen for one partition, oldest first, as [monotonic time, end offset]. */
type EndHistory = Array<[number, number]>;

const HISTORY_MS = 120_000;

/**
 * Samples the lag of every consumer group of the catalogue (libs/contracts `allSubscriptions`, prefixed as the scope
 * prefixes them) with the kafkajs admin client: committed offsets (`fetchOffsets`) against log-end offsets
 * (`fetchTopicOffsets`) of each group's topics. Lag in time comes from the history of log-end offsets: the first
 * message a group has not committed was appended after the last sample whose end offset was at or below the
 * committed offset, so its age is at most the time since that sample. Consumers commit after every batch (kafkajs
 * `autoCommit` commits at the end of each `eachBatch`), so committed offsets follow what was handled closely.
 */
export class ConsumerLagMonitor {
  readonly samples: LagSample[] = [];
  private readonly history = new Map<string, EndHistory>();
  private running: Promise<void> | null = null;
  private stopping = false;

  private constructor(
    private readonly admin: Admin,
    private readonly physical: (name: string) => string,
    readonly groups: readonly WatchedGroup[],
  ) {}

  /** Watches every group of the catalogue; `physical` maps a logical topic or group name to the scope's. */
  static async connect(kafka: Kafka, physical: (name: string) => string): Promise<ConsumerLagMonitor> {
    const admin = kafka.admin();
    await admin.connect();
    const groups = allSubscriptions.map((spec) => ({
      name: spec.group,
      physical: physical(spec.group),
      topics: spec.topics.map(physical),
    }));
    return new ConsumerLagMonitor(admin, physical, groups);
  }

  /** Samples every `intervalMs` (and calls `alongside` each time, for other readings) until `stop`. */
  start(intervalMs: number, alongside: (at: number) => void = () => undefined): void {
    this.running ??= (async () => {
      while (!this.stopping) {
        const began = now();
        this.samples.push(await this.sample());
        alongside(began);
        const wait = intervalMs - (now() - began);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
    await this.admin.disconnect();
  }

  /** The samples taken from `from` to `to` (monotonic ms). */
  between(from: number, to: number): LagSample[] {
    return this.samples.filter((sample) => sample.at >= from && sample.at <= to);
  }

  /** The first sample at or after `from` in which every group has caught up, waiting up to `timeoutMs` for it. */
  async caughtUp(from: number, timeoutMs: number): Promise<LagSample | null> {
    const deadline = now() + timeoutMs;
    let checked = 0;
    for (;;) {
      for (; checked < this.samples.length; checked += 1) {
        const sample = this.samples[checked];
        if (sample.at >= from && [...sample.groups.values()].every((lag) => lag.messages === 0)) return sample;
      }
      if (now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Messages in the watched groups' dead-letter topics: events a service gave up on. */
  async deadLetters(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const group of this.groups) {
      const topic = this.physical(deadLetterTopicOf(group.name));
      try {
        const offsets = await this.admin.fetchTopicOffsets(topic);
        counts.set(
          group.name,
          offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0),
        );
      } catch {
        counts.set(group.name, 0);
      }
    }
    return counts;
  }

  private async sample(): Promise<LagSample> {
    const at = now();
    const topics = [...new Set(this.groups.flatMap((group) => group.topics))];
    const ends = new Map<string, { high: number; low: number }>();
    await Promise.all(
      topics.map(async (topic) => {
        for (const p of await this.admin.fetchTopicOffsets(topic)) {
          const key = `${topic}/${p.partition}`;
          const high = Number(p.high);
          ends.set(key, { high, low: Number(p.low) });
          const history = this.history.get(key) ?? [];
          history.push([at, high]);
          while (history.length > 2 && history[0][0] < at - HISTORY_MS) history.shift();
          this.history.set(key, history);
        }
      }),
    );
    const groups = new Map<string, GroupLag>();
    await Promise.all(
      this.groups.map(async (group) => {
        const committed = await this.admin.fetchOffsets({ groupId: group.physical, topics: [...group.topics] });
        let ms = 0;
        let messages = 0;
        for (const { topic, partitions } of committed) {
          for (const { partition, offset } of partitions) {
            const key = `${topic}/${partition}`;
            const end = ends.get(key);
            if (!end) continue;
            // Never committed: the group starts from the beginning of what the log still holds.
            const position = Number(offset) < 0 ? end.low : Number(offset);
            if (position >= end.high) continue;
            messages += end.high - position;
            const history = this.history.get(key)!;
            let seen = history[0][0];
            for (const [time, high] of history) if (high <= position) seen = time;
            ms = Math.max(ms, at - seen);
          }
        }
        groups.set(group.name, { ms, messages });
      }),
    );
    return { at, groups };
  }
}
