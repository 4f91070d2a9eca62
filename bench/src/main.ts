import 'reflect-metadata';
import path from 'node:path';
import { BenchmarkName, BenchSettings, BenchSettingsError, loadBenchSettings } from './bench-settings';
import { runAnalyticsBenchmark } from './benchmarks/analytics/analytics-ingest.benchmark';
import { runConsoleBenchmark } from './benchmarks/console/console.benchmark';
import { runConsumerBenchmark } from './benchmarks/consumer/consumer.benchmark';
import { runIntakeBenchmark } from './benchmarks/intake/intake.benchmark';
import { runOutboxBenchmark } from './benchmarks/outbox/outbox.benchmark';
import { runRankingBenchmark } from './benchmarks/ranking/ranking.benchmark';
import { runResolveBenchmark } from './benchmarks/resolve/resolve.benchmark';
import { runSaslBenchmark } from './benchmarks/sasl/sasl.benchmark';
import { runSignupsBenchmark } from './benchmarks/signups/signups.benchmark';
import { runSystemBenchmark } from './benchmarks/system/system.benchmark';
import { runTimersBenchmark } from './benchmarks/timers/timers.benchmark';
import { closeOpenScopes } from './harness/bench-scope';
import { Figure } from './harness/figure';
import { now } from './harness/measure';
import { consoleProgress, Progress } from './harness/progress';
import { formatTable, summarise, writeSummary } from './harness/report';

/** Compiled to dist/bench/src/main.js; the repository root is three levels up. */
const repositoryRoot = path.resolve(__dirname, '../../..');

const benchmarks: Record<BenchmarkName, (settings: BenchSettings, progress: Progress) => Promise<Figure[]>> = {
  outbox: runOutboxBenchmark,
  consumer: runConsumerBenchmark,
  analytics: runAnalyticsBenchmark,
  sasl: runSaslBenchmark,
  timers: runTimersBenchmark,
  resolve: runResolveBenchmark,
  intake: runIntakeBenchmark,
  ranking: runRankingBenchmark,
  signups: runSignupsBenchmark,
  console: runConsoleBenchmark,
  system: runSystemBenchmark,
};

async function main(): Promise<void> {
  const settings = loadBenchSettings();
  const started = now();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `bench: ${settings.events} events, ${settings.pendingTimers} then ${settings.largePendingTimers} pending timers, ` +
      `${settings.timerStream.ratePerSecond} timers/s due for ${settings.timerStream.seconds} s, ${settings.burstTimers} burst timers; ` +
      `running ${settings.only.join(', ')}`,
  );
  const figures: Figure[] = [];
  for (const name of settings.only) {
    const began = now();
    out(`${name}:`);
    figures.push(...(await benchmarks[name](settings, consoleProgress)));
    out(`  ${name} done in ${((now() - began) / 1000).toFixed(1)} s`);
  }
  const summary = summarise(settings, figures, (now() - started) / 1000);
  out('');
  out(formatTable(figures));
  out('');
  out('ratio = value ÷ baseline; ↑ higher is better, ↓ lower is better.');
  const file = writeSummary(repositoryRoot, summary);
  out(`written to ${path.relative(process.cwd(), file)}`);
  out(JSON.stringify(summary));
}

// Ctrl+C must still drop the bench database and delete the topics.
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write('\nbench: interrupted, cleaning up…\n');
  void closeOpenScopes().finally(() => process.exit(130));
});

// process.exit because kafkajs and pg leave timers behind; after Ctrl+C the SIGINT handler decides when to exit.
main()
  .then(() => !interrupted && process.exit(0))
  .catch((error: unknown) => {
    if (interrupted) return;
    const message =
      error instanceof BenchSettingsError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
