// Runs once before the integration project: finds or starts Kafka, PostgreSQL and Redis (see deploy/infra.mjs)
// and hands their addresses to the test workers through the environment.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevKeys } from '../../deploy/auth/dev-tokens.mjs';
import { ensureInfra } from '../../deploy/infra.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  const env = await ensureInfra({ log: (line) => process.stderr.write(`${line}\n`) });
  // Workers learn where things are and which secrets file holds the broker's principals; each service process then
  // gets only its own principal's credentials (test/support/kafka-credentials.ts).
  Object.assign(process.env, env);
  // Services verify tokens with the public half; tests sign with the private half (test/support/tokens.ts).
  const keys = ensureDevKeys(path.join(root, '.gridline', 'test-auth'));
  process.env.AUTH_PUBLIC_KEY_FILE = keys.publicKeyFile;
  process.env.GRIDLINE_TEST_SIGNING_KEY = keys.privateKeyFile;
  for (const app of ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics']) {
    if (!existsSync(path.join(root, 'dist/apps', app, 'src/main.js'))) {
      throw new Error(`dist/apps/${app} is missing: run \`npm run build\` (npm test does it for you)`);
    }
  }
}
