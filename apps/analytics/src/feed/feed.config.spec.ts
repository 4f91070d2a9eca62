import { loadFeedConfig } from './feed.config';

describe('loadFeedConfig', () => {
  it('uses the documented defaults', () => {
    expect(loadFeedConfig({})).toEqual({
      replaySize: 1000,
      heartbeatSeconds: 15,
      overdueGraceSeconds: 60,
      maxAgeSeconds: 300,
    });
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadFeedConfig({ ANALYTICS_FEED_REPLAY_SIZE: '5' })).toThrow(/ANALYTICS_FEED_REPLAY_SIZE/);
    expect(() => loadFeedConfig({ ANALYTICS_FEED_HEARTBEAT_SECONDS: 'often' })).toThrow(
      /ANALYTICS_FEED_HEARTBEAT_SECONDS/,
    );
  });
});
