import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { activeTraceContext, activeTraceId, contextOf, inSpan, SpanKind, startTracing } from './tracing';

const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context with export off', () => {
  beforeAll(() => startTracing({ serviceName: 'unit', otlpEndpoint: null, exportDelayMs: 100 }));

  it('has no trace context outside a trace', () => {
    expect(activeTraceContext()).toEqual({ traceparent: null, tracestate: null });
    expect(activeTraceId()).toBeNull();
  });

  it("passes the caller's trace context through unchanged, so what a request writes carries it", async () => {
    const seen = await inSpan('work', { kind: SpanKind.SERVER }, contextOf(incoming, 'vendor=1'), async () => {
      await new Promise((resolve) => setImmediate(resolve)); // across an await, as a use case runs
      return { fields: activeTraceContext(), traceId: activeTraceId() };
    });
    expect(seen).toEqual({
      fields: { traceparent: incoming, tracestate: 'vendor=1' },
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(activeTraceContext().traceparent).toBeNull();
  });

  it('reads a missing or malformed stored context as no parent', () => {
    expect(contextOf(null)).toBe(ROOT_CONTEXT);
    context.with(contextOf('not-a-traceparent'), () => expect(activeTraceContext().traceparent).toBeNull());
  });

  it('re-throws what the work throws, unchanged, so retries and dead letters see the real error', async () => {
    class Refused extends Error {}
    const error = new Refused('poison');
    await expect(
      inSpan('failing', { kind: SpanKind.CONSUMER }, ROOT_CONTEXT, async () => Promise.reject(error)),
    ).rejects.toBe(error);
  });
});
