import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT } from 'jose';

type Grant =
  | { role: 'city-admin' | 'city-viewer' | 'district-admin' | 'dispatcher' | 'auditor' | 'resident' }
  | { role: 'leader' | 'worker'; grid: string };

function signingKeyFile(): string {
  const file = process.env.GRIDLINE_TEST_SIGNING_KEY;
  if (!file) throw new Error('GRIDLINE_TEST_SIGNING_KEY is not set: the integration global setup did not run');
  return file;
}

export interface TokenOptions {
  /** A timespan from now ('1h', '-1m') or seconds since the epoch. */
  readonly expiresIn?: string | number;
  readonly issuer?: string;
  /** Seconds since the epoch; default now. */
  readonly issuedAt?: number;
  readonly notBefore?: number;
  /** Extension header parameters the token marks critical (RFC 7515 `crit`); the token then lives one hour. */
  readonly crit?: readonly string[];
}

/** Signs a test token with the run's development key (the services trust its public half). */
export async function token(
  claims: { sub: string; tenant?: string; roles: Grant[]; name?: string },
  options: TokenOptions = {},
): Promise<string> {
  if (options.crit) return signWithCriticalHeader(claims, options.crit);
  const key = await importPKCS8(readFileSync(signingKeyFile(), 'utf8'), 'ES256');
  const { sub, ...rest } = claims;
  const jwt = new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(options.issuer ?? 'gridline-dev')
    .setAudience('gridline')
    .setSubject(sub)
    .setIssuedAt(options.issuedAt)
    .setExpirationTime(options.expiresIn ?? '1h');
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(key);
}

/**
 * A one-hour token whose header marks extensions critical. Signed by hand: a JOSE library refuses to sign
 * what it would refuse to verify.
 */
function signWithCriticalHeader(
  claims: { sub: string; tenant?: string; roles: Grant[] },
  crit: readonly string[],
): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { alg: 'ES256', crit, ...Object.fromEntries(crit.map((name) => [name, true])) };
  const signingInput = `${encode(header)}.${encode({ ...claims, iss: 'gridline-dev', aud: 'gridline', iat: now, exp: now + 3600 })}`;
  const signature = sign('sha256', Buffer.from(signingInput), {
    key: readFileSync(signingKeyFile(), 'utf8'),
    dsaEncoding: 'ieee-p1363',
  });
  return `${signingInput}.${signature.toString('base64url')}`;
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
