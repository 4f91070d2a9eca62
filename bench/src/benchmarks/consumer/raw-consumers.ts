import { EachBatchPayload } from 'kafkajs';
import { Client } from 'pg';
import { BenchScope } from '../../harness/bench-scope';
import { now, waitUntil } from '../../harness/measure';

/**
 * Reads a topic from the start in a new group until `expected` messages went through `processBatch`; returns
 * milliseconds from the end of the group join (when `run` resolves and fetching starts) to the last message,
 * so the join (seconds, the same for every consumer) does not dilute the rate.
 */
async function consumeAll(
  scope: BenchScope,
  topic: string,
  groupId: string,
  expected: number,
  autoResolve: boolean,
  processBatch: (payload: EachBatchPayload) => Promise<number>,
): Promise<number> {
  const consumer = scope.kafka.consumer({ groupId });
  // Also on Ctrl+C: a member left in the group would keep the scope from deleting it.
  scope.defer(() => consumer.disconnect());
  let doneAt: number | null = null;
  let processed = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: autoResolve,
      eachBatch: async (payload) => {
        processed += await processBatch(payload);
        if (processed >= expected) doneAt ??= now();
      },
    });
    const joinedAt = now();
    await waitUntil(() => doneAt !== null, `${groupId} to read ${expected} messages`, 300_000, 5);
    return doneAt! - joinedAt;
  } finally {
    await consumer.disconnect();
  }
}

/** Baseline A: what kafkajs alone delivers — counting messages, nothing else. */
export function readWithRawConsumer(
  scope: BenchScope,
  topic: string,
  groupId: string,
  expected: number,
): Promise<number> {
  return consumeAll(scope, topic, groupId, expected, true, async ({ batch }) => batch.messages.length);
}

/**
 * Baseline B: the inbox's unavoidable work with no library — per message one transaction inserting the inbox
 * row and the effect row, then resolve/commit/heartbeat as KafkaEventConsumer does. What is left between this
 * and the library is decoding, schema validation, TypeORM and the consumer's own bookkeeping.
 */
export function handleWithRawTransactions(
  scope: BenchScope,
  topic: string,
  groupId: string,
  expected: number,
  client: Client,
): Promise<number> {
  return consumeAll(
    scope,
    topic,
    groupId,
    expected,
    false,
    async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning }) => {
      let handled = 0;
      for (const message of batch.messages) {
        if (!isRunning()) break;
        const eventId = message.headers?.ce_id?.toString() ?? '';
        const { issueId } = JSON.parse(message.value!.toString('utf8')) as { issueId: string };
        await client.query('BEGIN');
        const inserted = await client.query(
          `INSERT INTO inbox (consumer_group, event_id, tenant_id, event_type) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
          [
            'bench.raw-inbox',
            eventId,
            message.headers?.ce_tenantid?.toString() ?? '',
            message.headers?.ce_type?.toString() ?? '',
          ],
        );
        if (inserted.rowCount === 1)
          await client.query('INSERT INTO bench_effects (event_id, issue_id) VALUES ($1, $2)', [eventId, issueId]);
        await client.query('COMMIT');
        resolveOffset(message.offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
        handled += 1;
      }
      return handled;
    },
  );
}
