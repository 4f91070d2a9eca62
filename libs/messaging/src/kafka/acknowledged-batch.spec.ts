import { ProducerBatch, RecordMetadata } from 'kafkajs';
import { PartitionsNotAcknowledgedError, sendAcknowledged } from './acknowledged-batch';

const ack = (topicName: string, partition: number, errorCode = 0): RecordMetadata => ({
  topicName,
  partition,
  errorCode,
  baseOffset: '0',
});

describe('sendAcknowledged', () => {
  const batch = [
    {
      topic: 'issues',
      messages: [
        { key: 'a', value: '1', partition: 0 },
        { key: 'b', value: '2', partition: 2 },
        { key: 'c', value: '3', partition: 0 },
      ],
    },
    { topic: 'grids', messages: [{ key: 'd', value: '4', partition: 1 }] },
  ];

  it('resolves when every partition the batch names was acknowledged, sending all of it with acks=all', async () => {
    const sent: ProducerBatch[] = [];
    const records = await sendAcknowledged(
      async (b) => (sent.push(b), [ack('issues', 0), ack('issues', 2), ack('grids', 1)]),
      batch,
    );
    expect(records).toHaveLength(3);
    expect(sent).toHaveLength(1);
    expect(sent[0].acks).toBe(-1);
    expect(sent[0].topicMessages?.flatMap((t) => t.messages.map((m) => m.key))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails naming each partition that was not acknowledged (a send that resolved having skipped a moved leader)', async () => {
    const outcome = sendAcknowledged(async () => [ack('issues', 0), ack('grids', 1)], batch);
    await expect(outcome).rejects.toThrow(PartitionsNotAcknowledgedError);
    await expect(outcome).rejects.toThrow('issues[2]');
  });

  it('does not count a partition answered with an error code as written', async () => {
    await expect(
      sendAcknowledged(async () => [ack('issues', 0), ack('issues', 2), ack('grids', 1, 6)], batch),
    ).rejects.toThrow('grids[1]');
  });

  it('passes on a send that fails outright', async () => {
    await expect(sendAcknowledged(async () => Promise.reject(new Error('broker away')), batch)).rejects.toThrow(
      'broker away',
    );
  });
});
