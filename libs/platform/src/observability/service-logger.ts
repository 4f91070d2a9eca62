import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';
import type { ServiceConfig } from '../config/service-config';
import { activeTraceId } from '../tracing/tracing';
import { currentLogContext, logFieldsOf } from './log-context';
import { redactedLogPaths } from './log-redaction';

/** LOG_LEVEL keeps Nest's names (documented before pino); pino calls `log` info and `verbose` trace. */
export const pinoLevelOf: Record<ServiceConfig['logLevel'], pino.Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * The process's root logger. Every line is one JSON object with `service`, and — from the unit of work in
 * progress (log-context.ts) — `tenant`, `correlationId` and `traceId` when known, whichever code logs it:
 * a Nest `Logger`, a request, a consumed event or a timer. `pretty` prints the same fields on one readable line
 * for development; it formats in this thread, synchronously, so lines keep their order and none is lost when
 * the process exits.
 */
export function createServiceLogger(
  config: Pick<ServiceConfig, 'serviceName' | 'logLevel' | 'logFormat'>,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true }),
  colour = !process.env.NO_COLOR && Boolean(process.stdout.isTTY),
): Logger {
  const options: pino.LoggerOptions = {
    level: pinoLevelOf[config.logLevel],
    base: { service: config.serviceName, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const fields = logFieldsOf(currentLogContext());
      // The active span's trace wins: with export on, a request that brought no traceparent still has a trace.
      const traceId = activeTraceId();
      if (traceId) fields.traceId = traceId;
      return fields;
    },
    redact: { paths: [...redactedLogPaths], censor: '[redacted]' },
  };
  if (config.logFormat === 'json') return pino(options, destination);
  return pino(
    options,
    pretty({
      sync: true,
      colorize: colour,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service,context',
      messageFormat: '{service} {if context}[{context}] {end}{msg}',
      destination,
    }),
  );
}
