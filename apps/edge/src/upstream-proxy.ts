import { Agent as HttpAgent, IncomingMessage, request as httpRequest, ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { correlationIdFrom } from '@gridline/platform/http/correlation';
import { sendError } from './edge-errors';
import { UpstreamService } from './upstream-routes';

/** Request headers a service reads; anything else (cookies, the browser's own) stays at the edge. */
const forwardedRequestHeaders = [
  'accept',
  'accept-language',
  'authorization',
  'content-type',
  'content-length',
  'idempotency-key',
  'last-event-id',
  'if-none-match',
  'if-match',
  'cache-control',
];

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what the edge decides itself; CORS is never passed on. */
const droppedResponseHeaders = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
]);

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export interface ProxyTarget {
  readonly service: UpstreamService;
  readonly base: URL;
  /** Path and query on the service, the `/api/<service>` prefix removed. */
  readonly path: string;
}

/**
 * Streams a request to its service and the answer back, both ways without buffering. An event stream
 * (text/event-stream) gets its headers at once and each chunk as it comes: no compression, no timeout.
 */
export function proxyToUpstream(
  request: IncomingMessage,
  response: ServerResponse,
  target: ProxyTarget,
  edgeHeaders: Record<string, string>,
): void {
  const headers: Record<string, string | string[]> = {};
  for (const name of forwardedRequestHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const correlationId = correlationIdFrom(request.headers['x-correlation-id']);
  headers['x-correlation-id'] = correlationId;
  const client = request.socket.remoteAddress;
  const priorForwarded = request.headers['x-forwarded-for'];
  if (client) headers['x-forwarded-for'] = priorForwarded ? `${String(priorForwarded)}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  if (request.headers.host) headers['x-forwarded-host'] = request.headers.host;

  const secure = target.base.protocol === 'https:';
  const upstream = (secure ? httpsRequest : httpRequest)({
    protocol: target.base.protocol,
    hostname: target.base.hostname.replace(/^\[|\]$/g, ''),
    port: target.base.port || (secure ? 443 : 80),
    method: request.method,
    path: `${target.base.pathname === '/' ? '' : target.base.pathname}${target.path}`,
    headers,
    agent: secure ? agents.https : agents.http,
  });

  upstream.on('response', (answer) => {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined || droppedResponseHeaders.has(name) || name.startsWith('access-control-')) continue;
      out[name] = value;
    }
    out['x-correlation-id'] ??= correlationId;
    response.writeHead(answer.statusCode ?? 502, { ...out, ...edgeHeaders });
    if (String(answer.headers['content-type'] ?? '').startsWith('text/event-stream')) {
      // Long-lived and latency-bound: send the headers now, every write at once, and never time out.
      response.flushHeaders();
      request.socket.setNoDelay(true);
      request.socket.setTimeout(0);
      answer.socket.setTimeout(0);
    }
    answer.pipe(response);
    answer.on('aborted', () => response.destroy());
    answer.on('error', () => response.destroy());
  });

  upstream.on('error', (error) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    request.resume();
    sendError(
      response,
      'UPSTREAM_UNAVAILABLE',
      `${target.service} is unavailable (${(error as NodeJS.ErrnoException).code ?? error.message})`,
      edgeHeaders,
    );
  });

  // The browser went away (a closed tab, an aborted fetch): stop the service's side too, an SSE stream included.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}
