import { consumerLagOf } from './consumer-lag';

describe('consumerLagOf', () => {
  it('is the high watermark minus the committed offset on each partition', () => {
    expect(
      consumerLagOf(
        [
          { partition: 0, high: '120', low: '0' },
          { partition: 1, high: '40', low: '0' },
        ],
        [
          { partition: 0, offset: '100' },
          { partition: 1, offset: '40' },
        ],
      ),
    ).toEqual([
      { partition: 0, lag: 20 },
      { partition: 1, lag: 0 },
    ]);
  });

  it('counts a partition the group never committed on from the earliest retained offset', () => {
    expect(consumerLagOf([{ partition: 0, high: '50', low: '10' }], [{ partition: 0, offset: '-1' }])).toEqual([
      { partition: 0, lag: 40 },
    ]);
    expect(consumerLagOf([{ partition: 2, high: '5', low: '0' }], [])).toEqual([{ partition: 2, lag: 5 }]);
  });

  it('never reports a negative lag when a commit is ahead of a stale watermark', () => {
    expect(consumerLagOf([{ partition: 0, high: '10', low: '0' }], [{ partition: 0, offset: '12' }])).toEqual([
      { partition: 0, lag: 0 },
    ]);
  });
});
