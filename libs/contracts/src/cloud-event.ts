/**
 * A CloudEvents 1.0 event as Gridline carries it. `tenantid`, `correlationid` and `causationid` are
 * extension attributes (CloudEvents names allow only lowercase letters and digits); `traceparent` and
 * `tracestate` are the CloudEvents distributed-tracing extension: the W3C trace context in which the event was
 * created, so a consumer's work joins the producer's trace.
 */
export interface CloudEvent<TData = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string;
  readonly datacontenttype: 'application/json';
  readonly tenantid: string;
  readonly correlationid: string;
  readonly causationid: string | null;
  readonly traceparent?: string | null;
  readonly tracestate?: string | null;
  readonly data: TData;
}

export type CloudEventHeaders = Record<string, string>;

/** The attributes mapped to `ce_` headers in Kafka binary mode (data goes in the message value). */
const headerAttributes = [
  'specversion',
  'id',
  'source',
  'type',
  'time',
  'subject',
  'tenantid',
  'correlationid',
  'causationid',
  'traceparent',
  'tracestate',
] as const;

export class MalformedEventError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedEventError';
  }
}

/** Binary content mode: every attribute becomes a `ce_<name>` header, the content type goes in `content-type`. */
export function toKafkaHeaders(event: Omit<CloudEvent, 'data'>): CloudEventHeaders {
  const headers: CloudEventHeaders = { 'content-type': event.datacontenttype };
  for (const attribute of headerAttributes) {
    const value = event[attribute];
    if (value !== null && value !== undefined) headers[`ce_${attribute}`] = String(value);
  }
  return headers;
}

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

function headerText(headers: RawHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

/** Reads a Kafka message back into a CloudEvent; throws MalformedEventError naming what is wrong. */
export function fromKafkaMessage(headers: RawHeaders | undefined, value: Buffer | null): CloudEvent {
  if (!headers) throw new MalformedEventError('message has no CloudEvents headers');
  const required = (name: string): string => {
    const text = headerText(headers, `ce_${name}`);
    if (!text) throw new MalformedEventError(`missing header ce_${name}`);
    return text;
  };
  const specversion = required('specversion');
  if (specversion !== '1.0') throw new MalformedEventError(`unsupported ce_specversion ${specversion}`);
  if (!value) throw new MalformedEventError('message has no value (data)');
  let data: unknown;
  try {
    data = JSON.parse(value.toString('utf8'));
  } catch {
    throw new MalformedEventError('message value is not JSON');
  }
  return {
    specversion: '1.0',
    id: required('id'),
    source: required('source'),
    type: required('type'),
    time: required('time'),
    subject: required('subject'),
    datacontenttype: 'application/json',
    tenantid: required('tenantid'),
    correlationid: required('correlationid'),
    causationid: headerText(headers, 'ce_causationid') ?? null,
    traceparent: headerText(headers, 'ce_traceparent') ?? null,
    tracestate: headerText(headers, 'ce_tracestate') ?? null,
    data,
  };
}
