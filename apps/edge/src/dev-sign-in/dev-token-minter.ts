import { readFileSync } from 'node:fs';
import { signDevToken } from '../../../../deploy/auth/dev-token-signer.cjs';
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

export function expiryOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
  if (typeof payload.exp !== 'number') throw new Error('minted token has no exp');
  return new Date(payload.exp * 1000).toISOString();
}

/**
 * Signs with the same code as `npm run token` (deploy/auth/dev-token-signer.cjs, which the build compiles into
 * dist/ beside the edge), so there is one signer. The key file is read at each sign-in, as the CLI reads it.
 */
export function devTokenMinter(privateKeyFile: string): DevTokenMinter {
  return {
    async mint(identity, ttl) {
      const token = await signDevToken({ key: readFileSync(privateKeyFile, 'utf8'), ...identity, expires: ttl });
      return { token, expiresAt: expiryOf(token) };
    },
  };
}
