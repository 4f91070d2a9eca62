import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { ServiceConfig } from '@gridline/platform';
import { eventually } from '@gridline/testing';
import { FeedMessage } from '../../apps/analytics/src/feed/domain/feed-message';
import { FeedConfig } from '../../apps/analytics/src/feed/feed.config';
import { FeedPublisher } from '../../apps/analytics/src/feed/feed-publisher';

/**
 * The dispatch-centre feed's publisher against a real Redis: a projected batch's messages go out together, in
 * order, to the live channel and to the replay buffers of their district and of the city.
 */
describe('feed publisher', () => {
  let redis: Redis;
  let listener: Redis;
  const prefix = `feed-${randomBytes(3).toString('hex')}.`;
  const config = { topicPrefix: prefix } as ServiceConfig;
  const feed: FeedConfig = { replaySize: 100, heartbeatSeconds: 15, overdueGraceSeconds: 60, maxAgeSeconds: 300 };

  const message = (tenantId: string, issueId: string, event: FeedMessage['event']): FeedMessage => ({
    id: `${issueId}:${event}`,
    event,
    reason: null,
    at: new Date().toISOString(),
    tenantId,
    issueId,
    category: 'street-lighting',
    state: 'dispatched',
    level: 'micro',
    gridId: 'grid-1',
    depth: 0,
    critical: false,
    deadline: null,
  });

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL as string);
    listener = new Redis(process.env.REDIS_URL as string);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    listener?.disconnect();
    redis?.disconnect();
  });

  it('sends a batch of messages in order to the channel and to the district and city buffers', async () => {
    const publisher = new FeedPublisher(redis, config, feed, 'live');
    const heard: string[] = [];
    await listener.subscribe(publisher.keys.channel);
    listener.on('message', (_channel, json: string) => heard.push((JSON.parse(json) as FeedMessage).id));

    const batch = [
      message('erqi', 'i-1', 'dispatched'),
      message('jinshui', 'i-2', 'dispatched'),
      message('erqi', 'i-1', 'escalated'),
    ];
    const commands = jest.spyOn(redis, 'multi');
    await publisher.publishAll(batch);
    expect(commands).toHaveBeenCalledTimes(1); // one round trip for the batch
    commands.mockRestore();

    await eventually('the three messages on the channel', async () => heard.length === 3, 5_000, 20);
    expect(heard).toEqual(['i-1:dispatched', 'i-2:dispatched', 'i-1:escalated']);
    expect((await publisher.recent('erqi')).map((m) => m.id)).toEqual(['i-1:dispatched', 'i-1:escalated']);
    expect((await publisher.recent('jinshui')).map((m) => m.id)).toEqual(['i-2:dispatched']);
    expect((await publisher.recent(null)).map((m) => m.id)).toEqual(heard);
  });

  it('announces nothing while rebuilding, and nothing for an empty batch', async () => {
    const before = (await new FeedPublisher(redis, config, feed, 'live').recent(null)).length;
    await new FeedPublisher(redis, config, feed, 'rebuild').publishAll([message('erqi', 'i-3', 'closed')]);
    await new FeedPublisher(redis, config, feed, 'live').publishAll([]);
    expect(await new FeedPublisher(redis, config, feed, 'live').recent(null)).toHaveLength(before);
  });
});
