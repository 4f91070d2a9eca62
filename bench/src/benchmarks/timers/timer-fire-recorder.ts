import { TimerHandler } from '@gridline/scheduling';
import { now } from '../../harness/measure';

/**
 * A timer handler that does no work of its own and notes how late each timer fired. Lag uses the wall clock
 * because due times are wall-clock instants; fire times use the monotonic clock for rates.
 */
export class TimerFireRecorder {
  lagsMs: number[] = [];
  firstFireAt: number | null = null;
  lastFireAt: number | null = null;

  get fired(): number {
    return this.lagsMs.length;
  }

  /** Forgets what was recorded, for the next phase that uses the same kind. */
  reset(): void {
    this.lagsMs = [];
    this.firstFireAt = null;
    this.lastFireAt = null;
  }

  readonly handler: TimerHandler = async (timer) => {
    this.lagsMs.push(Date.now() - timer.dueAt.getTime());
    this.firstFireAt ??= now();
    this.lastFireAt = now();
  };
}
