import fc from 'fast-check';
import { Schema } from './openapi-routes';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Text an attacker tries: control, bidi and surrogate characters, impossible dates, numbers out of range, overlong strings. */
export const badText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\u202eevil',
    '\u2066iso\u2069',
    '\u0007\u001b[2J',
    'two\nlines',
    '\u0085',
    '2026-13-01',
    '2026-02-30',
    '2026-02-30T08:00:00Z',
    '2026-W05',
    '9999-99-99T99:99:99Z',
    '0000-00-00',
    '1e308',
    '-1e308',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '99999999999999999999',
    '1.5',
    'true',
    'null',
    '',
    "'; DROP TABLE grids; --",
    '../../etc/passwd',
    '%',
    '%E0%A4%A',
    '{"a":',
    '[]',
    '<script>',
    '😀'.repeat(200),
  ),
  fc.integer({ min: 300, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ maxLength: 40, unit: 'binary' }),
);

/** Any JSON value of the wrong kind or size. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  badText,
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    0,
    0.0001,
    true,
    false,
    null,
    [],
    {},
    [null],
    { $ne: null },
    JSON.parse('{"__proto__":{"admin":true}}') as unknown,
  ),
  fc.integer({ min: 40, max: 60 }).map((depth) => JSON.parse(nested(depth)) as unknown),
  fc.array(fc.constantFrom('a', 1, null), { minLength: 1001, maxLength: 1100 }),
  fc.double(),
);

/** A value that fits the schema (its example, an enum member or a plausible one), so other fields get further. */
export function plausible(schema: Schema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [plausible(schema.items)];
  if (schema.type === 'object' || schema.properties)
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, value]) => [name, plausible(value)]));
  return 'x';
}

/** A JSON body from the schema with at least one field bad, or a body that is bad as a whole. */
export function badBody(schema: Schema): fc.Arbitrary<unknown> {
  const names = Object.keys(schema.properties ?? {});
  const whole = fc.oneof(
    badValue,
    fc
      .constantFrom(
        `{"a":${nested(100_000)}}`,
        `{"coordinates":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
        '{"unterminated": ',
        '\u0000',
      )
      .map((raw) => ({ raw })),
  );
  if (names.length === 0) return whole;
  const fieldwise = fc
    .tuple(
      fc.subarray(names, { minLength: 1 }),
      fc.array(badValue, { minLength: names.length, maxLength: names.length }),
      fc.boolean(),
    )
    .map(([bad, values, keepOthers]) => {
      const body: Record<string, unknown> = keepOthers ? (plausible(schema) as Record<string, unknown>) : {};
      bad.forEach((name, index) => (body[name] = values[index]));
      return body;
    });
  return fc.oneof({ arbitrary: fieldwise, weight: 4 }, { arbitrary: whole, weight: 1 });
}
