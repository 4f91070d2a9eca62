import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line of one unit of work carries besides the service: an HTTP request, one consumed event,
 * one timer firing. Kept in AsyncLocalStorage so that code deep inside a handler logs with it without being
 * handed a logger; the root logger's mixin reads it (service-logger.ts).
 */
export interface LogContext {
  /** The district; absent on city-wide routes and before it is known. */
  tenant?: string;
  correlationId?: string;
  /** W3C trace id (32 hex) from a `traceparent`; OpenTelemetry will fill it for work it starts itself. */
  traceId?: string;
  /** The aggregate a timer fires for, so a case's deadlines can be found in the logs. */
  aggregateId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the work in progress, or undefined outside any (start-up, shutdown, background loops). */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/**
 * Adds what a unit of work learns on the way (a timer learns its case's correlation once it loads the case),
 * never replacing what it already knew: a request acting on a case keeps its own correlation id, the one its
 * caller sees. The store is the unit's own object, so this changes nothing outside it.
 */
export function enrichLogContext(fields: Partial<LogContext>): void {
  const context = storage.getStore();
  if (!context) return;
  for (const [key, value] of Object.entries(fields) as Array<[keyof LogContext, string | undefined]>) {
    if (value !== undefined && context[key] === undefined) context[key] = value;
  }
}

/** The fields a log line gets from the context: only those that are known, so a line never carries `null`s. */
export function logFieldsOf(context: LogContext | undefined): Record<string, string> {
  if (!context) return {};
  const fields: Record<string, string> = {};
  if (context.tenant) fields.tenant = context.tenant;
  if (context.correlationId) fields.correlationId = context.correlationId;
  if (context.traceId) fields.traceId = context.traceId;
  if (context.aggregateId) fields.aggregateId = context.aggregateId;
  return fields;
}
