import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { UpstreamService, upstreamRoutes } from './upstream-routes';

/** Every variable the edge reads; the README configuration table documents each (a unit test checks). */
export const edgeConfigurationVariables = [
  'EDGE_PORT',
  'EDGE_HOST',
  'CONSOLE_DIST',
  ...upstreamRoutes.map((route) => route.variable),
  'CONSOLE_OIDC_ISSUER',
  'CONSOLE_OIDC_CLIENT_ID',
  'CONSOLE_OIDC_SCOPE',
  'CONSOLE_MAP_TILE_URL',
  'CONSOLE_MAP_ATTRIBUTION',
  'EDGE_DEV_SIGN_IN',
  'AUTH_DEV_SIGNING_KEY_FILE',
] as const;

export interface EdgeConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the built console. */
  readonly consoleDist: string;
  /** Base URL of each service, without a trailing slash. */
  readonly upstreams: Readonly<Record<UpstreamService, URL>>;
  readonly mode: 'development' | 'production';
  readonly oidc: { readonly issuer: string; readonly clientId: string; readonly scope: string } | null;
  readonly map: { readonly tileUrl: string | null; readonly attribution: string | null };
  /** The dev signing key when development sign-in is on; null otherwise (the /dev routes do not exist). */
  readonly devSignInKeyFile: string | null;
}

/** A variable with a value the edge cannot use; the message names it. */
export class EdgeConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

function present(env: Env, variable: string): string | undefined {
  const value = env[variable]?.trim();
  return value ? value : undefined;
}

function port(env: Env): number {
  const raw = present(env, 'EDGE_PORT') ?? '8080';
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535)
    throw new EdgeConfigError('EDGE_PORT', `"${raw}" is not a port (1–65535)`);
  return value;
}

function upstream(env: Env, variable: string, fallback: string): URL {
  const raw = present(env, variable) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EdgeConfigError(variable, `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new EdgeConfigError(variable, `"${raw}" must be http or https`);
  if (url.search || url.hash || url.username || url.password)
    throw new EdgeConfigError(variable, `"${raw}" must be a base URL without query, fragment or credentials`);
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** An https URL (http only on loopback, for local identity providers and tile servers). */
function secureUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EdgeConfigError(variable, `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new EdgeConfigError(variable, `"${raw}" must be https (http only on localhost)`);
  }
  return url;
}

function oidc(env: Env): EdgeConfig['oidc'] {
  const issuer = present(env, 'CONSOLE_OIDC_ISSUER');
  const clientId = present(env, 'CONSOLE_OIDC_CLIENT_ID');
  if (!issuer && !clientId) return null;
  if (!issuer) throw new EdgeConfigError('CONSOLE_OIDC_ISSUER', 'is required when CONSOLE_OIDC_CLIENT_ID is set');
  if (!clientId) throw new EdgeConfigError('CONSOLE_OIDC_CLIENT_ID', 'is required when CONSOLE_OIDC_ISSUER is set');
  const url = secureUrl('CONSOLE_OIDC_ISSUER', issuer);
  if (url.search || url.hash) throw new EdgeConfigError('CONSOLE_OIDC_ISSUER', 'an issuer has no query or fragment');
  return { issuer, clientId, scope: present(env, 'CONSOLE_OIDC_SCOPE') ?? 'openid profile' };
}

function map(env: Env): EdgeConfig['map'] {
  const tileUrl = present(env, 'CONSOLE_MAP_TILE_URL') ?? null;
  if (tileUrl) {
    for (const placeholder of ['{z}', '{x}', '{y}']) {
      if (!tileUrl.includes(placeholder))
        throw new EdgeConfigError('CONSOLE_MAP_TILE_URL', `"${tileUrl}" lacks ${placeholder}`);
    }
    tileOrigin(tileUrl);
  }
  return { tileUrl, attribution: present(env, 'CONSOLE_MAP_ATTRIBUTION') ?? null };
}

/**
 * The origin a tile URL template loads from, as a CSP source: `https://{s}.tile.example.org/{z}/{x}/{y}.png`
 * → `https://*.tile.example.org` (the subdomain placeholder becomes a wildcard).
 */
export function tileOrigin(tileUrl: string): string {
  const wildcard = tileUrl.includes('{s}.');
  const url = secureUrl('CONSOLE_MAP_TILE_URL', tileUrl.replace('{s}.', 'subdomain.').replace(/\{[a-z]+\}/g, '0'));
  return wildcard ? `${url.protocol}//*.${url.host.slice('subdomain.'.length)}` : url.origin;
}

function devSignIn(env: Env, mode: EdgeConfig['mode']): string | null {
  const raw = present(env, 'EDGE_DEV_SIGN_IN') ?? 'false';
  if (raw !== 'true' && raw !== 'false')
    throw new EdgeConfigError('EDGE_DEV_SIGN_IN', `"${raw}" must be true or false`);
  if (raw === 'false') return null;
  if (mode === 'production')
    throw new EdgeConfigError('EDGE_DEV_SIGN_IN', 'development sign-in is refused when NODE_ENV=production');
  const keyFile = present(env, 'AUTH_DEV_SIGNING_KEY_FILE');
  if (!keyFile)
    throw new EdgeConfigError(
      'AUTH_DEV_SIGNING_KEY_FILE',
      'is required when EDGE_DEV_SIGN_IN=true (the development private key, see deploy/auth/dev-tokens.mjs)',
    );
  try {
    accessSync(keyFile, constants.R_OK);
  } catch {
    throw new EdgeConfigError('AUTH_DEV_SIGNING_KEY_FILE', `${keyFile} cannot be read`);
  }
  return path.resolve(keyFile);
}

/** Reads and checks the environment once, at start; the first bad variable stops the edge. */
export function loadEdgeConfig(env: Env = process.env, cwd = process.cwd()): EdgeConfig {
  const mode = env.NODE_ENV === 'production' ? 'production' : 'development';
  const host = present(env, 'EDGE_HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host))
    throw new EdgeConfigError('EDGE_HOST', `"${host}" is not a host name or address`);
  const upstreams = Object.fromEntries(
    upstreamRoutes.map((route) => [
      route.service,
      upstream(env, route.variable, `http://127.0.0.1:${route.defaultPort}`),
    ]),
  ) as Record<UpstreamService, URL>;
  return {
    port: port(env),
    host,
    consoleDist: path.resolve(cwd, present(env, 'CONSOLE_DIST') ?? 'dist/console'),
    upstreams,
    mode,
    oidc: oidc(env),
    map: map(env),
    devSignInKeyFile: devSignIn(env, mode),
  };
}
