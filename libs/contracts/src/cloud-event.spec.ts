import { fromKafkaMessage, MalformedEventError, toKafkaHeaders } from './cloud-event';

const attributes = {
  specversion: '1.0' as const,
  id: 'e-1',
  source: '/gridline/issue-dispatch',
  type: 'gridline.issue.reported',
  time: '2026-11-28T10:00:00.000Z',
  subject: 'issue-1',
  datacontenttype: 'application/json' as const,
  tenantid: 'erqi',
  correlationid: 'c-1',
  causationid: null,
};

describe('CloudEvents binary mode over Kafka', () => {
  it('puts every attribute in a ce_ header and reads it back', () => {
    const headers = toKafkaHeaders(attributes);
    expect(headers).toMatchObject({
      ce_id: 'e-1',
      ce_tenantid: 'erqi',
      ce_correlationid: 'c-1',
      'content-type': 'application/json',
    });
    expect(headers).not.toHaveProperty('ce_causationid');
    const buffers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromKafkaMessage(buffers, Buffer.from('{"a":1}'))).toEqual({
      ...attributes,
      traceparent: null,
      tracestate: null,
      data: { a: 1 },
    });
  });

  it('carries the distributed-tracing extension as ce_traceparent and ce_tracestate', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const headers = toKafkaHeaders({ ...attributes, traceparent, tracestate: 'vendor=1' });
    expect(headers).toMatchObject({ ce_traceparent: traceparent, ce_tracestate: 'vendor=1' });
    expect(fromKafkaMessage(headers, Buffer.from('{}'))).toMatchObject({ traceparent, tracestate: 'vendor=1' });
  });

  it('keeps the causation id when there is one', () => {
    const event = fromKafkaMessage(toKafkaHeaders({ ...attributes, causationid: 'e-0' }), Buffer.from('{}'));
    expect(event.causationid).toBe('e-0');
  });

  it.each([
    ['no headers at all', undefined, '{}', 'no CloudEvents headers'],
    ['a missing tenant', { ...toKafkaHeaders(attributes), ce_tenantid: undefined }, '{}', 'ce_tenantid'],
    ['another spec version', { ...toKafkaHeaders(attributes), ce_specversion: '0.3' }, '{}', 'specversion'],
    ['a value that is not JSON', toKafkaHeaders(attributes), 'not json', 'not JSON'],
  ])('rejects a message with %s', (_case, headers, value, reason) => {
    expect(() => fromKafkaMessage(headers as never, Buffer.from(value))).toThrow(MalformedEventError);
    expect(() => fromKafkaMessage(headers as never, Buffer.from(value))).toThrow(reason);
  });
});
