import { ConsoleLogger } from '@nestjs/common';

/** kafkajs says this whenever an idempotent producer starts (analytics' transactional district router); it is expected. */
const EXPECTED_WARNING = 'Limiting retries for the idempotent producer';

/**
 * Nest's console logger at warn level, minus that one expected warning: real warnings (publish failures,
 * consumer retries) stay visible between the progress lines, because they change what the figures mean.
 */
export class BenchLogger extends ConsoleLogger {
  constructor() {
    super({ logLevels: ['fatal', 'error', 'warn'] });
  }

  override warn(message: unknown, ...optionalParams: unknown[]): void {
    if (typeof message === 'string' && message.startsWith(EXPECTED_WARNING)) return;
    super.warn(message, ...optionalParams);
  }
}
