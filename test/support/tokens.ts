import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT } from 'jose';

type Grant = { role: 'city-admin' | 'city-viewer' | 'district-admin' | 'dispatcher' | 'auditor' | 'resident' } | { role: 'leader' | 'worker'; grid: string };

function signingKeyFile(): string {
  const file = process.env.GRIDLINE_TEST_SIGNING_KEY;
  if (!file) throw new Error('GRIDLINE_TEST_SIGNING_KEY is not set: the integration global setup did not run');
  return file;
}

/** Signs a test token with the run's development key (the services trust its public half). */
export async function token(claims: { sub: string; tenant?: string; roles: Grant[]; name?: string }, options: { expiresIn?: string; issuer?: string } = {}): Promise<string> {
  const key = await importPKCS8(readFileSync(signingKeyFile(), 'utf8'), 'ES256');
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(options.issuer ?? 'gridline-dev')
    .setAudience('gridline')
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(key);
}

/** The people of the tests, by what they may do. */
export const as = {
  cityAdmin: () => token({ sub: 'test:city-admin', roles: [{ role: 'city-admin' }] }),
  cityViewer: () => token({ sub: 'test:city-viewer', roles: [{ role: 'city-viewer' }] }),
  districtAdmin: (tenant: string) => token({ sub: `test:${tenant}:admin`, tenant, roles: [{ role: 'district-admin' }] }),
  dispatcher: (tenant: string) => token({ sub: `test:${tenant}:dispatcher`, tenant, roles: [{ role: 'dispatcher' }] }),
  leader: (tenant: string, grid: string, sub = `test:${tenant}:leader:${grid}`) => token({ sub, tenant, roles: [{ role: 'leader', grid }] }),
  worker: (tenant: string, grid: string) => token({ sub: `test:${tenant}:worker:${grid}`, tenant, roles: [{ role: 'worker', grid }] }),
  auditor: (tenant: string) => token({ sub: `test:${tenant}:auditor`, tenant, roles: [{ role: 'auditor' }] }),
  resident: (tenant: string, sub = `test:${tenant}:resident`) => token({ sub, tenant, roles: [{ role: 'resident' }] }),
};
