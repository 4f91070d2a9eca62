import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BenchSettings } from '../bench-settings';
import { Figure } from './figure';

function formatNumber(value: number, unit: string): string {
  const digits = unit === 'ms' && value < 10 ? 2 : unit === 'ms' && value < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

/** The table a person reads: value, the raw baseline measured in this run, and value ÷ baseline. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'baseline is'];
  const rows = figures.map((f) => [
    f.label,
    formatNumber(f.value, f.unit),
    formatNumber(f.baseline, f.unit),
    `${f.ratio.toFixed(2)}×${f.better === 'higher' ? ' ↑' : ' ↓'}`,
    f.baselineLabel,
  ]);
  const widths = header.map((_, c) => Math.max(header[c].length, ...rows.map((row) => row[c].length)));
  const numeric = new Set([1, 2, 3]);
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface BenchSummary {
  readonly bench: 'messaging-backbone';
  readonly at: string;
  readonly durationSeconds: number;
  readonly sizes: {
    events: number;
    pendingTimers: number[];
    timerStream: string;
    burstTimers: number;
    trickle: string;
  };
  readonly figures: Record<
    string,
    { value: number; unit: string; baseline: number; ratio: number; better: 'higher' | 'lower' }
  >;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function summarise(settings: BenchSettings, figures: readonly Figure[], durationSeconds: number): BenchSummary {
  return {
    bench: 'messaging-backbone',
    at: new Date().toISOString(),
    durationSeconds: round(durationSeconds, 1),
    sizes: {
      events: settings.events,
      pendingTimers: [settings.pendingTimers, settings.largePendingTimers].filter(
        (size, i) => i === 0 || size > settings.pendingTimers,
      ),
      timerStream: `${settings.timerStream.ratePerSecond}/s x ${settings.timerStream.seconds}s`,
      burstTimers: settings.burstTimers,
      trickle: `${settings.trickleRate}/s x ${settings.trickleSeconds}s`,
    },
    figures: Object.fromEntries(
      figures.map((f) => [
        f.id,
        {
          value: round(f.value, 2),
          unit: f.unit,
          baseline: round(f.baseline, 2),
          ratio: round(f.ratio, 3),
          better: f.better,
        },
      ]),
    ),
  };
}

/** Kept under .gridline/ (git-ignored) so a later run, or CI, can compare against the last one. */
export function writeSummary(repositoryRoot: string, summary: BenchSummary): string {
  const file = path.join(repositoryRoot, '.gridline', 'bench', 'latest.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}
