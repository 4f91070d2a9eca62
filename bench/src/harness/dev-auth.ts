import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signDevToken } from '../../../deploy/auth/dev-token-signer.cjs';

let keys: { publicKeyFile: string; privateKey: KeyObject } | null = null;

/**
 * A throwaway ES256 key pair for the bench run (made once per process): services under test verify with the
 * public half (AUTH_PUBLIC_KEY_FILE), the bench signs its tokens with the private half.
 */
function benchKeys(): { publicKeyFile: string; privateKey: KeyObject } {
  if (keys) return keys;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const dir = mkdtempSync(path.join(tmpdir(), 'gridline-bench-auth-'));
  const publicKeyFile = path.join(dir, 'public.pem');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  keys = { publicKeyFile, privateKey };
  return keys;
}

export function benchPublicKeyFile(): string {
  return benchKeys().publicKeyFile;
}

/** The private half as a PEM file, for a process that signs for the bench (the console's development sign-in). */
export function benchPrivateKeyFile(): string {
  const file = path.join(path.dirname(benchKeys().publicKeyFile), 'private.pem');
  writeFileSync(file, benchKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return file;
}

/** A token for `claims`, signed for the services' development issuer and audience. */
export function benchToken(
  subject: string,
  claims: { tenant?: string; roles: Array<{ role: string; grid?: string }> },
): Promise<string> {
  return signDevToken({ key: benchKeys().privateKey, sub: subject, ...claims, expires: '2h' });
}

/** A city administrator's token. */
export function benchCityAdminToken(): Promise<string> {
  return benchToken('bench:city-admin', { roles: [{ role: 'city-admin' }] });
}

/** A resident's token for the bench district (one subject per simulated person). */
export function benchResidentToken(tenantId: string, subject: string): Promise<string> {
  return benchToken(subject, { tenant: tenantId, roles: [{ role: 'resident' }] });
}
