import { AddressInfo } from 'node:net';
import express from 'express';
import { jsonLinesSink } from '@gridline/testing';
import { httpAccessLog } from './http-access-log';
import { httpLogContext } from './http-observability';
import { createServiceLogger } from './service-logger';

/** A loopback Express app logging as a service does, and the JSON lines it wrote. */
async function serve(handlers: (app: express.Express) => void, logLevel: 'log' | 'warn' = 'log') {
  const { sink, lines } = jsonLinesSink();
  const logger = createServiceLogger({ serviceName: 'issue-dispatch', logLevel, logFormat: 'json' }, sink);
  const app = express();
  app.use(httpLogContext(), httpAccessLog(logger));
  handlers(app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    lines: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20)); // the line is written once the response finished
      return lines();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('the line per HTTP request', () => {
  it('names method, route template and status, with the district and correlation, and nothing of headers or body', async () => {
    const app = await serve((a) =>
      a.post('/v1/tenants/:tenantId/issues/:issueId', (_req, res) => res.status(201).json({ ok: true })),
    );
    try {
      await fetch(`${app.base}/v1/tenants/erqi/issues/42?access_token=secret-token`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer secret-bearer',
          'x-correlation-id': 'c-42',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reporter: { phone: '13800000000' } }),
      });
      const [line] = await app.lines();
      expect(line).toMatchObject({
        level: 'info',
        msg: 'POST /v1/tenants/:tenantId/issues/:issueId 201',
        service: 'issue-dispatch',
        tenant: 'erqi',
        correlationId: 'c-42',
        route: '/v1/tenants/:tenantId/issues/:issueId',
        req: { method: 'POST', url: '/v1/tenants/erqi/issues/42?access_token=[redacted]' },
        res: { statusCode: 201 },
      });
      expect(JSON.stringify(line)).not.toMatch(/secret|13800000000/);
    } finally {
      await app.close();
    }
  });

  it('logs a 5xx at error level with no invented error', async () => {
    const app = await serve((a) =>
      a.get('/v1/tenants/:tenantId/broken', (_req, res) => res.status(500).json({ code: 'INTERNAL' })),
    );
    try {
      await fetch(`${app.base}/v1/tenants/erqi/broken`);
      const [line] = await app.lines();
      expect(line).toMatchObject({
        level: 'error',
        msg: 'GET /v1/tenants/:tenantId/broken 500',
        res: { statusCode: 500 },
      });
      expect(line).not.toHaveProperty('err');
    } finally {
      await app.close();
    }
  });

  it('leaves probes and scrapes out, and labels a request no route took as unmatched', async () => {
    const app = await serve((a) => {
      a.get('/health', (_req, res) => res.json({ status: 'ok' }));
      a.get('/metrics', (_req, res) => res.send(''));
    });
    try {
      await fetch(`${app.base}/health`);
      await fetch(`${app.base}/metrics`);
      await fetch(`${app.base}/no/such/path`);
      expect((await app.lines()).map((line) => line.msg)).toEqual(['GET unmatched 404']);
    } finally {
      await app.close();
    }
  });

  it('at warn writes only the 5xx lines, each with its route and time taken', async () => {
    const app = await serve((a) => {
      a.get('/v1/tenants/:tenantId/fine', (_req, res) => res.json({ ok: true }));
      a.get('/v1/tenants/:tenantId/broken', (_req, res) => res.status(503).json({ code: 'DEPENDENCY_UNAVAILABLE' }));
    }, 'warn');
    try {
      await fetch(`${app.base}/v1/tenants/erqi/fine`, { headers: { 'x-correlation-id': 'c-ok' } });
      await fetch(`${app.base}/v1/tenants/erqi/broken`, { headers: { 'x-correlation-id': 'c-503' } });
      const lines = await app.lines();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'error',
        msg: 'GET /v1/tenants/:tenantId/broken 503',
        requestId: 'c-503',
        correlationId: 'c-503',
        tenant: 'erqi',
      });
      expect(typeof lines[0].responseTime).toBe('number');
    } finally {
      await app.close();
    }
  });
});
