import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from '../edge-errors';
import { devSignInRoleOptions, parseDevSignIn, tenantPattern } from './dev-sign-in-request';
import { DevTokenMinter } from './dev-token-minter';

export const MAX_SIGN_IN_BODY_BYTES = 8 * 1024;
const TOKEN_TTL = '1h';

interface DistrictOption {
  readonly tenantId: string;
  readonly name: string;
  readonly nameEn: string | null;
}
interface GridOption {
  readonly gridId: string;
  readonly name: string;
  readonly level: string;
  readonly code: string;
  readonly parentId: string | null;
}

/**
 * Development-only sign-in: `GET /dev/sign-in/options[?tenant=]` lists the roles, the districts and (with a
 * tenant) that district's grids; `POST /dev/sign-in` mints a one-hour token. The sign-in page needs districts and
 * grids before anyone is signed in, so the edge reads them from grid-registry with a short-lived city-viewer
 * token of its own — the edge is no service, and this exists only in development.
 */
export class DevSignInRoutes {
  private viewerToken: { token: string; renewAt: number } | null = null;

  constructor(
    private readonly minter: DevTokenMinter,
    private readonly registryBase: URL,
  ) {}

  async handle(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
    query: URLSearchParams,
    headers: Record<string, string>,
  ): Promise<void> {
    if (pathname === '/dev/sign-in/options') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendError(response, 'METHOD_NOT_ALLOWED', 'GET /dev/sign-in/options', {
          ...headers,
          Allow: 'GET, HEAD',
        });
      return this.options(response, query.get('tenant'), headers);
    }
    if (pathname === '/dev/sign-in') {
      if (request.method !== 'POST')
        return sendError(response, 'METHOD_NOT_ALLOWED', 'POST /dev/sign-in', { ...headers, Allow: 'POST' });
      return this.signIn(request, response, headers);
    }
    sendError(response, 'NOT_FOUND', `no route ${pathname}`, headers);
  }

  private async options(
    response: ServerResponse,
    tenant: string | null,
    headers: Record<string, string>,
  ): Promise<void> {
    if (tenant !== null && !tenantPattern.test(tenant))
      return sendError(response, 'INVALID_SIGN_IN', 'tenant must be a district id (a-z, 0-9, -)', headers);
    let registryProblem: string | null = null;
    let districts: DistrictOption[] = [];
    let grids: GridOption[] = [];
    try {
      districts = (await this.registry<DistrictOption[]>('/v1/tenants')).map(({ tenantId, name, nameEn }) => ({
        tenantId,
        name,
        nameEn,
      }));
      if (tenant) grids = await this.gridsOf(tenant);
    } catch (error) {
      registryProblem = error instanceof Error ? error.message : String(error);
    }
    sendJson(response, 200, { roles: devSignInRoleOptions, districts, grids, registryProblem }, headers);
  }

  private async gridsOf(tenant: string): Promise<GridOption[]> {
    const grids: GridOption[] = [];
    let after = '';
    // grid-registry pages by code, 1000 at a time; a demo district has a few hundred.
    for (let page = 0; page < 20; page += 1) {
      const batch = await this.registry<GridOption[]>(
        `/v1/tenants/${tenant}/grids?limit=1000${after ? `&after=${after}` : ''}`,
      );
      grids.push(...batch.map(({ gridId, name, level, code, parentId }) => ({ gridId, name, level, code, parentId })));
      if (batch.length < 1000) break;
      after = batch[batch.length - 1].code;
    }
    return grids;
  }

  private async registry<T>(path: string): Promise<T> {
    let answer: Response;
    try {
      answer = await fetch(`${this.registryBase.href.replace(/\/$/, '')}${path}`, {
        headers: { authorization: `Bearer ${await this.cityViewer()}`, accept: 'application/json' },
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      throw new Error('grid-registry is unavailable');
    }
    if (answer.status === 404) return [] as T;
    if (!answer.ok) throw new Error(`grid-registry answered ${answer.status}`);
    return (await answer.json()) as T;
  }

  private async cityViewer(): Promise<string> {
    if (!this.viewerToken || this.viewerToken.renewAt < Date.now()) {
      const { token } = await this.minter.mint(
        { sub: 'dev:edge:sign-in-options', roles: [{ role: 'city-viewer' }] },
        '2m',
      );
      this.viewerToken = { token, renewAt: Date.now() + 60_000 };
    }
    return this.viewerToken.token;
  }

  private async signIn(
    request: IncomingMessage,
    response: ServerResponse,
    headers: Record<string, string>,
  ): Promise<void> {
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      request.resume();
      return sendError(response, 'UNSUPPORTED_MEDIA_TYPE', 'send Content-Type: application/json', headers);
    }
    const body = await readBody(request, MAX_SIGN_IN_BODY_BYTES);
    if (body === null)
      return sendError(response, 'BODY_TOO_LARGE', `the body is over ${MAX_SIGN_IN_BODY_BYTES} bytes`, {
        ...headers,
        Connection: 'close',
      });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return sendError(response, 'INVALID_SIGN_IN', 'the body is not JSON', headers);
    }
    const choice = parseDevSignIn(parsed);
    if (!choice.ok) return sendError(response, 'INVALID_SIGN_IN', choice.reason, headers);
    try {
      sendJson(response, 200, await this.minter.mint(choice.identity, TOKEN_TTL), headers);
    } catch (error) {
      sendError(
        response,
        'SIGN_IN_FAILED',
        `signing failed: ${error instanceof Error ? error.message : String(error)}`,
        headers,
      );
    }
  }
}

/** The body as text, or null when it is over `limit` bytes (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
