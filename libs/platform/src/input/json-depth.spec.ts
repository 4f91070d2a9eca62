import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

describe('JSON depth', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('lets nesting up to the limit through and refuses one level more', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('counts objects and arrays alike, and reads bytes as well as text', () => {
    const mixed = '{"a":[{"b":[{"c":1}]}]}';
    expect(jsonNestsDeeperThan(mixed, 5)).toBe(false);
    expect(jsonNestsDeeperThan(mixed, 4)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from(mixed), 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ name: '[[[[[[{{{{"\\"[[[' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ 名: '网格[[[[' })), 1)).toBe(false);
  });

  it('stops early on a 100,000-deep array without recursing', () => {
    expect(jsonNestsDeeperThan(nested(100_000))).toBe(true);
  });
});
