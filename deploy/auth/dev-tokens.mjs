#!/usr/bin/env node
// Development identities: a local ES256 key pair (the services verify with the public half through
// AUTH_PUBLIC_KEY_FILE) and tokens signed with the private half. Production uses a real issuer and
// AUTH_JWKS_URL instead; nothing here is for production.
//
//   node deploy/auth/dev-tokens.mjs token --role district-admin --tenant erqi [--grid <gridId>] [--sub <id>] [--name <n>] [--ttl 8h]
//   node deploy/auth/dev-tokens.mjs keys      # prints the key file paths (creating the pair if needed)
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUDIENCE, DEV_ISSUER, signDevToken } from './dev-token-signer.cjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { DEV_AUDIENCE, DEV_ISSUER };

/** Creates the development key pair once (in .gridline/auth/ unless told otherwise) and returns its paths. */
export function ensureDevKeys(dir = path.join(root, '.gridline', 'auth')) {
  const privateKeyFile = path.join(dir, 'dev-signing-key.pem');
  const publicKeyFile = path.join(dir, 'dev-public-key.pem');
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return { privateKeyFile, publicKeyFile };
}

/**
 * Signs a Gridline token with the key in `privateKeyFile` (dev-token-signer.cjs does the signing): `roles` like
 * [{ role: 'leader', grid: '…' }], `tenant` for district roles.
 */
export async function mintDevToken({
  privateKeyFile,
  sub,
  name,
  tenant,
  roles,
  ttl = '8h',
  issuer = DEV_ISSUER,
  audience = DEV_AUDIENCE,
}) {
  const key = readFileSync(privateKeyFile, 'utf8');
  return signDevToken({ key, sub, name, tenant, roles, expires: ttl, issuer, audience });
}

function option(args, name) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args) {
  const { privateKeyFile, publicKeyFile } = ensureDevKeys();
  if (args[0] === 'keys') {
    process.stdout.write(`AUTH_PUBLIC_KEY_FILE=${publicKeyFile}\nsigning key: ${privateKeyFile}\n`);
    return;
  }
  if (args[0] !== 'token' || !option(args, 'role')) {
    process.stderr.write(
      'usage: node deploy/auth/dev-tokens.mjs token --role <role> [--tenant <id>] [--grid <gridId>] [--sub <id>] [--name <n>] [--ttl 8h]\n',
    );
    process.exit(2);
  }
  const role = option(args, 'role');
  const grid = option(args, 'grid');
  const token = await mintDevToken({
    privateKeyFile,
    sub: option(args, 'sub') ?? `dev:${role}`,
    name: option(args, 'name'),
    tenant: option(args, 'tenant'),
    roles: [grid ? { role, grid } : { role }],
    ttl: option(args, 'ttl') ?? '8h',
  });
  process.stdout.write(`${token}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
