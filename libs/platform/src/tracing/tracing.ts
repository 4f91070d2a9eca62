import {
  Context,
  context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
  Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type * as OtlpExporterModule from '@opentelemetry/exporter-trace-otlp-http';
import type * as ResourcesModule from '@opentelemetry/resources';
import type * as SdkTraceNodeModule from '@opentelemetry/sdk-trace-node';

export interface TracingSettings {
  readonly serviceName: string;
  /** OTLP/HTTP collector base URL (spans go to `<endpoint>/v1/traces`); null keeps exporting off. */
  readonly otlpEndpoint: string | null;
  /** How long finished spans wait to be exported in one batch. */
  readonly exportDelayMs: number;
}

export interface TracingHandle {
  readonly exporting: boolean;
  /** Exports what is still buffered; called once at shutdown. */
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'gridline';

/**
 * Turns on trace-context propagation for the process, and span export when an OTLP endpoint is configured.
 *
 * Propagation is on even with export off: a `traceparent` a client sends still reaches the events and timers
 * its request causes (through non-recording spans that carry the caller's ids), so a deployment that turns on
 * export later, or traces only at its gateway, still sees whole traces. Without an endpoint no span is recorded,
 * so the cost on the hot paths is a few object allocations.
 */
export function startTracing(settings: TracingSettings): TracingHandle {
  const contextManager = new AsyncLocalStorageContextManager().enable();
  const propagator = new W3CTraceContextPropagator();
  if (!settings.otlpEndpoint) {
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(propagator);
    return { exporting: false, shutdown: async () => undefined };
  }
  // Loaded only when exporting: the SDK and exporter cost ~250 ms of CPU at start-up, and a restarted replica on a
  // busy node should answer as soon as it can.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpExporterModule;
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof ResourcesModule;
  const { BatchSpanProcessor, NodeTracerProvider } =
    require('@opentelemetry/sdk-trace-node') as typeof SdkTraceNodeModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const exporter = new OTLPTraceExporter({ url: `${settings.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName, 'service.namespace': 'gridline' }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: settings.exportDelayMs })],
  });
  provider.register({ contextManager, propagator });
  return { exporting: true, shutdown: () => provider.shutdown() };
}

export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

export interface TraceContextFields {
  readonly traceparent: string | null;
  readonly tracestate: string | null;
}

/** The W3C trace context of the active span; nulls when there is none (no incoming context and export off). */
export function activeTraceContext(): TraceContextFields {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return { traceparent: carrier.traceparent ?? null, tracestate: carrier.tracestate ?? null };
}

/** The trace id of the active span, for log lines; null outside any trace. */
export function activeTraceId(): string | null {
  const span = trace.getSpan(context.active());
  const ids = span?.spanContext();
  return ids && trace.isSpanContextValid(ids) ? ids.traceId : null;
}

/** A context whose parent is the given `traceparent` (a stored one: an event's, a timer's); ROOT if none. */
export function contextOf(traceparent: string | null | undefined, tracestate?: string | null): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, tracestate ? { traceparent, tracestate } : { traceparent });
}

export interface SpanOptions {
  readonly kind: SpanKind;
  readonly attributes?: Record<string, string | number | boolean>;
}

/**
 * Runs `work` inside a new span under `parent` and ends the span when it settles; an exception marks the span as
 * failed and is re-thrown unchanged, so callers' error handling (retries, dead letters) is not affected.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  parent: Context,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind };
