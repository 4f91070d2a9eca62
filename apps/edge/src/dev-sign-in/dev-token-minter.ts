import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DevIdentity } from './dev-sign-in-request';

export interface MintedToken {
  readonly token: string;
  /** ISO 8601, from the token's own `exp`. */
  readonly expiresAt: string;
}

/** Signs development tokens; the edge's only use of the private key. */
export interface DevTokenMinter {
  mint(identity: DevIdentity, ttl: string): Promise<MintedToken>;
}

type DevTokensModule = {
  mintDevToken(options: {
    privateKeyFile: string;
    sub: string;
    name?: string;
    tenant?: string;
    roles: DevIdentity['roles'];
    ttl: string;
  }): Promise<string>;
};

// TypeScript compiles import() to require() for CommonJS output, and require() cannot load an ES module on Node 20.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** deploy/auth/dev-tokens.mjs, found from wherever the edge runs (src/ or dist/). */
function devTokensModulePath(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'deploy', 'auth', 'dev-tokens.mjs');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    'deploy/auth/dev-tokens.mjs not found above the edge: development sign-in needs the repository checkout',
  );
}

export function expiryOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
  if (typeof payload.exp !== 'number') throw new Error('minted token has no exp');
  return new Date(payload.exp * 1000).toISOString();
}

/** Signs with the same code as `npm run token` (deploy/auth/dev-tokens.mjs), so there is one signer. */
export async function devTokenMinter(privateKeyFile: string): Promise<DevTokenMinter> {
  const module = (await importModule(pathToFileURL(devTokensModulePath()).href)) as DevTokensModule;
  return {
    async mint(identity, ttl) {
      const token = await module.mintDevToken({ privateKeyFile, ...identity, ttl });
      return { token, expiresAt: expiryOf(token) };
    },
  };
}
