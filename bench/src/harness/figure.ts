/**
 * One line of the report. `ratio` is always value ÷ baseline, so whether bigger is better depends on the unit:
 * for a rate a ratio of 0.5 means half the raw speed, for a latency 2.0 means twice the baseline delay.
 */
export interface Figure {
  /** Stable id used in the JSON summary, e.g. `outbox.write`. */
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  /** What the baseline is, in a few words. */
  readonly baselineLabel: string;
  readonly ratio: number;
  readonly better: 'higher' | 'lower';
}

type FigureInput = Omit<Figure, 'ratio' | 'better'>;

export function throughputFigure(input: FigureInput): Figure {
  return { ...input, ratio: input.value / input.baseline, better: 'higher' };
}

export function latencyFigure(input: FigureInput): Figure {
  return { ...input, ratio: input.value / input.baseline, better: 'lower' };
}

/** A size (bytes on disk, say): smaller is better. */
export function sizeFigure(input: FigureInput): Figure {
  return { ...input, ratio: input.value / input.baseline, better: 'lower' };
}
