import { readFileSync } from 'node:fs';
import { signDevToken } from '../../deploy/auth/dev-token-signer.cjs';

type Grant =
  | { role: 'city-admin' | 'city-viewer' | 'district-admin' | 'dispatcher' | 'auditor' | 'resident' }
  | { role: 'leader' | 'worker'; grid: string };

function signingKeyFile(): string {
  const file = process.env.GRIDLINE_TEST_SIGNING_KEY;
  if (!file) throw new Error('GRIDLINE_TEST_SIGNING_KEY is not set: the integration global setup did not run');
  return file;
}

export interface TokenOptions {
  /** A timespan from now ('1h', '-1m') or seconds since the epoch; default one hour. */
  readonly expiresIn?: string | number;
  readonly issuer?: string;
  /** Seconds since the epoch; default now. */
  readonly issuedAt?: number;
  readonly notBefore?: number;
  /** Extension header parameters the token marks critical (RFC 7515 `crit`), for the verifier to refuse. */
  readonly crit?: readonly string[];
}

/** Signs a test token with the run's development key (the services trust its public half). */
export async function token(
  claims: { sub: string; tenant?: string; roles: Grant[]; name?: string },
  options: TokenOptions = {},
): Promise<string> {
  const { expiresIn = '1h', issuer, issuedAt, notBefore, crit } = options;
  const key = readFileSync(signingKeyFile(), 'utf8');
  return signDevToken({ key, ...claims, expires: expiresIn, issuer, issuedAt, notBefore, crit });
}

/** The people of the tests, by what they may do. */
export const as = {
  cityAdmin: () => token({ sub: 'test:city-admin', roles: [{ role: 'city-admin' }] }),
  cityViewer: () => token({ sub: 'test:city-viewer', roles: [{ role: 'city-viewer' }] }),
  districtAdmin: (tenant: string) =>
    token({ sub: `test:${tenant}:admin`, tenant, roles: [{ role: 'district-admin' }] }),
  dispatcher: (tenant: string) => token({ sub: `test:${tenant}:dispatcher`, tenant, roles: [{ role: 'dispatcher' }] }),
  leader: (tenant: string, grid: string, sub = `test:${tenant}:leader:${grid}`) =>
    token({ sub, tenant, roles: [{ role: 'leader', grid }] }),
  worker: (tenant: string, grid: string) =>
    token({ sub: `test:${tenant}:worker:${grid}`, tenant, roles: [{ role: 'worker', grid }] }),
  auditor: (tenant: string) => token({ sub: `test:${tenant}:auditor`, tenant, roles: [{ role: 'auditor' }] }),
  resident: (tenant: string, sub = `test:${tenant}:resident`) => token({ sub, tenant, roles: [{ role: 'resident' }] }),
};
