import { positionRangeProblems } from './position-range';

describe('position range', () => {
  it('accepts a point in Zhengzhou with or without a sane altitude', () => {
    expect(positionRangeProblems([113.62, 34.75])).toEqual([]);
    expect(positionRangeProblems([113.62, 34.75, 110.5])).toEqual([]);
    expect(positionRangeProblems([-180, -90, -11_000])).toEqual([]);
  });

  it('names each coordinate out of range, an absurd altitude included', () => {
    expect(positionRangeProblems([113.62, 34.75, 1e308])).toEqual([
      { index: 2, reason: expect.stringMatching(/^altitude 1e\+308 m is outside/) },
    ]);
    expect(positionRangeProblems([34.75, 113.62]).map((p) => p.index)).toEqual([1]);
    expect(positionRangeProblems([181, -91, -20_000]).map((p) => p.index)).toEqual([0, 1, 2]);
  });
});
