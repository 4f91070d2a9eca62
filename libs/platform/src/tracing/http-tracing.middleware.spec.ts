import { AddressInfo } from 'node:net';
import express from 'express';
import { traceRequests } from './http-tracing.middleware';
import { activeTraceContext, startTracing } from './tracing';

const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('the span per HTTP request with export off', () => {
  beforeAll(() => startTracing({ serviceName: 'unit', otlpEndpoint: null, exportDelayMs: 100 }));

  /** What the handler of a request sees as its trace context, across an await. */
  async function seenByHandler(headers: Record<string, string>): Promise<string | null> {
    const app = express();
    app.use(traceRequests(false));
    app.get('/work', async (_req, res) => {
      await new Promise((resolve) => setImmediate(resolve));
      res.json({ traceparent: activeTraceContext().traceparent });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/work`, { headers });
      return ((await answer.json()) as { traceparent: string | null }).traceparent;
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("carries the caller's trace to what the request does", async () => {
    expect(await seenByHandler({ traceparent: incoming })).toBe(incoming);
  });

  it('gives a request that brings no trace none', async () => {
    expect(await seenByHandler({})).toBeNull();
  });
});
