import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Content types by extension; anything else is sent as bytes (and nosniff keeps the browser from guessing). */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite puts content-hashed files under /assets/: a new build has new names, so they never change. */
export const immutableCache = 'public, max-age=31536000, immutable';

export type StaticAnswer =
  | { readonly kind: 'file'; readonly file: string; readonly cacheControl: string }
  /** No such file: the console's client-side router owns the path. */
  | { readonly kind: 'index'; readonly file: string; readonly cacheControl: 'no-cache' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path' };

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Which file of the built console answers a GET for `urlPath` (no query). Decoded once, then normalised and
 * kept inside `dist` — also through symbolic links; `..`, encoded separators, NUL and backslashes are refused.
 * A missing file under /assets/ is a 404 (a stale page asking for an old chunk must not get HTML as script);
 * any other missing path is the console's own route and gets index.html.
 */
export function resolveStatic(dist: string, urlPath: string): StaticAnswer {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-path' };
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return { kind: 'bad-path' };
  const root = path.resolve(dist);
  const index = path.join(root, 'index.html');
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return { kind: 'bad-path' };
  const assets = decoded.startsWith('/assets/');
  if (candidate !== root && isFile(candidate)) {
    if (!insideRealRoot(root, candidate)) return { kind: 'bad-path' };
    if (candidate === index) return { kind: 'index', file: index, cacheControl: 'no-cache' };
    return { kind: 'file', file: candidate, cacheControl: assets ? immutableCache : 'no-cache' };
  }
  if (assets) return { kind: 'not-found' };
  return { kind: 'index', file: index, cacheControl: 'no-cache' };
}

function insideRealRoot(root: string, file: string): boolean {
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(file);
    return real.startsWith(realRoot + path.sep);
  } catch {
    return false;
  }
}
