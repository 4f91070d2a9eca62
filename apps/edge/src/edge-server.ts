import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { consoleConfigOf } from './console-config';
import { DevSignInRoutes } from './dev-sign-in/dev-sign-in.routes';
import { DevTokenMinter } from './dev-sign-in/dev-token-minter';
import { EdgeConfig } from './edge-config';
import { sendError, sendJson } from './edge-errors';
import { securityHeaders } from './security-headers';
import { contentTypeOf, resolveStatic } from './static-files';
import { proxyToUpstream } from './upstream-proxy';
import { matchUpstream } from './upstream-routes';

/**
 * The console's single origin: `/api/<service>/…` to the services, `/console-config.json`, the development
 * sign-in (`/dev/…`, only when enabled), `/edge/health`, and the built console for everything else.
 */
export function createEdgeServer(config: EdgeConfig, minter: DevTokenMinter | null): Server {
  const headers = securityHeaders(config);
  const consoleConfig = consoleConfigOf(config);
  const devSignIn = minter ? new DevSignInRoutes(minter, config.upstreams['grid-registry']) : null;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 'EDGE_FAILED', 'the edge could not answer', headers);
      else response.destroy();
      process.stderr.write(
        `edge: ${request.method} ${request.url}: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = request.url ?? '/';
    if (!raw.startsWith('/')) return sendError(response, 'BAD_PATH', 'the request target must be a path', headers);
    const { pathname, searchParams } = new URL(raw, 'http://edge.invalid');

    if (raw === '/api' || raw.startsWith('/api/') || raw.startsWith('/api?')) {
      const match = matchUpstream(raw);
      if (!match.route)
        return sendError(
          response,
          'UNKNOWN_SERVICE',
          `no service at ${pathname}; the services are under /api/grid-registry, /api/issue-dispatch, /api/volunteer-coordination and /api/analytics`,
          headers,
        );
      return proxyToUpstream(
        request,
        response,
        { service: match.route.service, base: config.upstreams[match.route.service], path: match.upstreamPath },
        headers,
      );
    }
    if (pathname === '/edge/health') return sendJson(response, 200, { status: 'ok' }, headers);
    if (pathname.startsWith('/edge/')) return sendError(response, 'NOT_FOUND', `no route ${pathname}`, headers);
    if (pathname === '/console-config.json') return sendJson(response, 200, consoleConfig, headers);
    if (pathname === '/dev' || pathname.startsWith('/dev/')) {
      // Off (production, or not asked for): the routes do not exist, and the console's router must not answer either.
      if (!devSignIn) return sendError(response, 'NOT_FOUND', `no route ${pathname}`, headers);
      return devSignIn.handle(request, response, pathname, searchParams, headers);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume();
      return sendError(response, 'METHOD_NOT_ALLOWED', `${request.method} ${pathname}: the console is read with GET`, {
        ...headers,
        Allow: 'GET, HEAD',
      });
    }
    return serveConsole(request, response, raw.split('?')[0]);
  }

  function serveConsole(request: IncomingMessage, response: ServerResponse, urlPath: string): void {
    if (!existsSync(path.join(config.consoleDist, 'index.html'))) {
      const text = `The console is not built: ${config.consoleDist} has no index.html. Run \`npm run build:console\` (or set CONSOLE_DIST).\n`;
      response.writeHead(503, {
        ...headers,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': '10',
      });
      response.end(text);
      return;
    }
    const answer = resolveStatic(config.consoleDist, urlPath);
    if (answer.kind === 'bad-path') return sendError(response, 'BAD_PATH', 'that path is not allowed', headers);
    if (answer.kind === 'not-found')
      return sendError(response, 'NOT_FOUND', `${urlPath} is not part of this console build`, headers);
    const stat = statSync(answer.file);
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const common = { ...headers, 'Cache-Control': answer.cacheControl, ETag: etag };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, common);
      response.end();
      return;
    }
    response.writeHead(200, { ...common, 'Content-Type': contentTypeOf(answer.file), 'Content-Length': stat.size });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(answer.file);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  return server;
}
