// Runs once before the integration project: finds or starts Kafka, PostgreSQL and Redis (see deploy/infra.mjs)
// and hands their addresses to the test workers through the environment.
import { spawnSync } from 'node:child_process';
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
  for (const app of ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics', 'edge']) {
    if (!existsSync(path.join(root, 'dist/apps', app, 'src/main.js'))) {
      throw new Error(`dist/apps/${app} is missing: run \`npm run build\` (npm test does it for you)`);
    }
  }
  ensureChromium();
  ensureChineseFonts();
}

const aptGet = (args) => {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 ? [] : ['sudo', '-n'];
  const [command, ...rest] = [...asRoot, 'apt-get', ...args];
  return spawnSync(command, rest, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 600_000,
  });
};

/**
 * The console is Chinese first; without a CJK font the screenshots the browser specs save show empty boxes.
 * Wanted, not required: the checks read text from the DOM, so a failed install only warns.
 */
function ensureChineseFonts() {
  if (existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) return;
  process.stderr.write('browser: installing fonts-noto-cjk with apt-get (once) so screenshots show Chinese\n');
  const result = aptGet(['install', '-y', 'fonts-noto-cjk']);
  if (result.status !== 0)
    process.stderr.write(
      `browser: warning — fonts-noto-cjk not installed (${(result.stderr || '').trim().split('\n').pop()}); screenshots will lack Chinese glyphs\n`,
    );
}

/**
 * Browser specs drive Debian's chromium (test/support/browser.ts); Playwright downloads no browser. Installed
 * once with apt-get when missing; CHROMIUM_PATH names another one.
 */
function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(wanted)) return;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${wanted} does not exist`);
  process.stderr.write('browser: /usr/bin/chromium is missing; installing Debian chromium with apt-get (once)\n');
  let result = aptGet(['install', '-y', 'chromium']);
  if (result.status !== 0) {
    aptGet(['update']);
    result = aptGet(['install', '-y', 'chromium']);
  }
  if (result.status !== 0 || !existsSync(wanted)) {
    const why = (result.stderr || result.error?.message || `exit ${result.status}`)
      .trim()
      .split('\n')
      .slice(-3)
      .join(' / ');
    throw new Error(
      `browser: could not install chromium with apt-get (${why}). Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  process.stderr.write('browser: chromium installed\n');
}
