import { traceIdFromTraceparent } from './traceparent';

describe('traceIdFromTraceparent', () => {
  const valid = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('takes the trace id of a W3C traceparent, from a header, a list of headers or a Kafka header buffer', () => {
    expect(traceIdFromTraceparent(valid)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdFromTraceparent([valid, 'ignored'])).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdFromTraceparent(Buffer.from(valid))).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('accepts a later version with extra fields, as the specification asks of parsers', () => {
    expect(traceIdFromTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['uppercase hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01'],
    ['all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['forbidden version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['version 00 with a fifth field', `${'00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'}-x`],
    ['a short trace id', '00-4bf92f3577b34da6-00f067aa0ba902b7-01'],
    ['a log-injection attempt', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n{"level":"fatal"}'],
  ])('ignores a traceparent that is %s', (_what, value) => {
    expect(traceIdFromTraceparent(value)).toBeUndefined();
  });
});
