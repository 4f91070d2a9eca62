import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { gridlineClaimsSchema } from '@gridline/platform/auth/identity';
import { signDevToken } from '../../deploy/auth/dev-token-signer.cjs';

/** The one signer behind `npm run token`, the edge's development sign-in, test/support/tokens.ts and the bench. */
describe('development token signer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const verify = (jwt: string) =>
    jwtVerify(jwt, publicKey, {
      issuer: 'gridline-dev',
      audience: 'gridline',
      algorithms: ['ES256'],
      requiredClaims: ['exp', 'iat', 'sub'],
    });
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['PEM text', pem],
    ['a key held in memory', privateKey],
  ])('signs with %s a token whose claims the services accept', async (_, key) => {
    const jwt = await signDevToken({
      key,
      sub: 'dev:erqi:leader:g7:Wang',
      name: 'Wang',
      tenant: 'erqi',
      roles: [{ role: 'leader', grid: 'g7' }],
      expires: '1h',
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', typ: 'JWT' });
    const { payload } = await verify(jwt);
    expect(payload).toEqual({
      sub: 'dev:erqi:leader:g7:Wang',
      name: 'Wang',
      tenant: 'erqi',
      roles: [{ role: 'leader', grid: 'g7' }],
      iss: 'gridline-dev',
      aud: 'gridline',
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(gridlineClaimsSchema.safeParse(payload).success).toBe(true);
  });

  it('leaves an empty name or tenant out and sets nbf only when asked', async () => {
    const jwt = await signDevToken({
      key: privateKey,
      sub: 'dev:city:city-admin',
      name: '',
      tenant: '',
      roles: [{ role: 'city-admin' }],
      expires: '8h',
    });
    expect(Object.keys((await verify(jwt)).payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'roles', 'sub']);
  });

  it('takes the times it is given: issued at, not before, expiry in epoch seconds or a negative timespan', async () => {
    const at = now() - 600;
    const given = await signDevToken({
      key: privateKey,
      sub: 'x',
      roles: [{ role: 'auditor' }],
      issuedAt: at,
      notBefore: at + 60,
      expires: at + 7200,
    });
    expect((await verify(given)).payload).toMatchObject({ iat: at, nbf: at + 60, exp: at + 7200 });
    const expired = await signDevToken({ key: privateKey, sub: 'x', roles: [{ role: 'auditor' }], expires: '-1m' });
    await expect(verify(expired)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it('signs another issuer or audience when told', async () => {
    const jwt = await signDevToken({
      key: privateKey,
      sub: 'x',
      roles: [{ role: 'auditor' }],
      expires: '1h',
      issuer: 'someone-else',
      audience: 'elsewhere',
    });
    expect((await jwtVerify(jwt, publicKey)).payload).toMatchObject({ iss: 'someone-else', aud: 'elsewhere' });
  });

  it('marks extension headers critical on request, and a verifier that does not know them refuses the token', async () => {
    const extension = 'https://example.com/must-understand';
    const jwt = await signDevToken({
      key: privateKey,
      sub: 'x',
      roles: [{ role: 'auditor' }],
      expires: '1h',
      crit: [extension],
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', typ: 'JWT', crit: [extension], [extension]: true });
    await expect(verify(jwt)).rejects.toBeInstanceOf(errors.JOSENotSupported);
  });
});
