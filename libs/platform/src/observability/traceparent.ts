/**
 * The trace id of a W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header):
 * `version-traceid-parentid-flags`, lowercase hex. Logs carry it so a line can be joined to a trace.
 *
 * The active OpenTelemetry span's trace id is preferred (service-logger.ts); this covers lines written outside any
 * span — before a request's span starts, or a consumer's outcome line after the event's span ended. A malformed
 * value is ignored rather than refused: tracing must never fail a request.
 */
const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

export function traceIdFromTraceparent(value: string | string[] | Buffer | undefined | null): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === null) return undefined;
  const text = raw.toString().trim();
  const match = traceparentPattern.exec(text);
  if (!match) return undefined;
  const [, version, traceId, parentId, , rest] = match;
  // Version ff is forbidden; version 00 has exactly four fields; all-zero ids are invalid.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return traceId;
}
