#!/usr/bin/env node
// npm run bench: install if needed, bring up Kafka/PostgreSQL/Redis, build, then run the messaging-backbone
// benchmark (dist/bench/src/main.js) with the infrastructure's addresses in its environment.
// This file is plain ESM because deploy/infra.mjs is; the benchmark itself is compiled TypeScript (CommonJS).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from '../scripts/lib/dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => process.stdout.write(`${line}\n`);

async function main() {
  ensureNodeModules(root, log);
  const { ensureInfra } = await import('../deploy/infra.mjs');
  const infra = await ensureInfra({ log });
  log('build: compiling libs and bench');
  run(root, 'npm', ['run', '--silent', 'build'], 'build');
  // The `sasl` figures compare with a broker that has no SASL and no ACLs: a scratch one, for this run only.
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  let scratch = null;
  if (only.length === 0 || only.includes('sasl')) {
    const { startScratchPlaintextBroker } = await import('../deploy/kafka/kafka.mjs');
    scratch = await startScratchPlaintextBroker({
      port: Number(process.env.BENCH_PLAINTEXT_KAFKA_PORT ?? 19192),
      controllerPort: Number(process.env.BENCH_PLAINTEXT_KAFKA_PORT ?? 19192) + 1,
      log,
    });
    log(`bench: scratch broker without SASL at ${scratch.bootstrap}`);
  }
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/bench/src/main.js')], {
    cwd: root,
    stdio: 'inherit',
    // ensureInfra already honours DATABASE_URL/KAFKA_BROKERS when they are set, so its answer can win here.
    env: {
      ...process.env,
      ...infra,
      ...(scratch ? { BENCH_PLAINTEXT_KAFKA_BROKERS: scratch.bootstrap } : {}),
      // The local broker keeps its data beside its secrets; a cluster of your own is not sized.
      ...(process.env.KAFKA_BROKERS
        ? {}
        : { BENCH_KAFKA_DATA_DIR: path.join(path.dirname(infra.GRIDLINE_KAFKA_SECRETS), 'data') }),
    },
  });
  // The benchmark cleans up on Ctrl+C (the terminal sends it SIGINT too); wait for it instead of dying first.
  process.on('SIGINT', () => {});
  const code = await new Promise((resolve) =>
    child.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))),
  );
  await scratch?.stop();
  process.exit(code);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
