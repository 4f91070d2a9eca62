import { CloudEvent as SdkCloudEvent, Kafka } from 'cloudevents';
import { CloudEvent, fromKafkaMessage, toKafkaHeaders } from './cloud-event';

/**
 * Interoperability with the CloudEvents SDK's Kafka protocol binding (binary content mode), both directions:
 * a team reading our topics with any CloudEvents library gets the same event, and an event written by one reads
 * as ours. Our extensions (tenant, correlation, causation, trace context) survive both ways.
 */
/** A consumed Kafka record as the SDK's Kafka binding reads it (its `Message` type leaves out the Kafka fields). */
const record = (key: string, value: Buffer, headers: Record<string, string>) =>
  ({ key, value, headers, timestamp: '0' }) as unknown as Parameters<typeof Kafka.toEvent>[0];

describe('CloudEvents on Kafka, checked against the CloudEvents SDK', () => {
  const ours: CloudEvent<{ issueId: string; level: string }> = {
    specversion: '1.0',
    id: '9f1c2b7e-2a4e-4b8f-9a51-5e0f3a1d7c11',
    source: '/gridline/issue-dispatch',
    type: 'gridline.issue.escalated.v1',
    time: '2026-12-04T07:00:00.000Z',
    subject: 'issue-42',
    datacontenttype: 'application/json',
    tenantid: 'erqi',
    correlationid: 'corr-7',
    causationid: 'cause-3',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    tracestate: 'gridline=1',
    data: { issueId: 'issue-42', level: 'community' },
  };

  it('reads an event we publish as the SDK sees it: every attribute, our extensions and the data', () => {
    const { data, ...attributes } = ours;
    const read = Kafka.toEvent(
      record(ours.subject, Buffer.from(JSON.stringify(data)), toKafkaHeaders(attributes)),
    ) as SdkCloudEvent<unknown>;
    expect(read.validate()).toBe(true);
    expect({
      specversion: read.specversion,
      id: read.id,
      source: read.source,
      type: read.type,
      time: read.time,
      subject: read.subject,
      datacontenttype: read.datacontenttype,
      tenantid: read.tenantid,
      correlationid: read.correlationid,
      causationid: read.causationid,
      traceparent: read.traceparent,
      tracestate: read.tracestate,
      data: read.data,
    }).toEqual(ours);
  });

  it('reads an event the SDK writes as ours', () => {
    const written = new SdkCloudEvent({
      id: ours.id,
      source: ours.source,
      type: ours.type,
      time: ours.time,
      subject: ours.subject,
      datacontenttype: 'application/json',
      tenantid: ours.tenantid,
      correlationid: ours.correlationid,
      causationid: ours.causationid,
      traceparent: ours.traceparent,
      tracestate: ours.tracestate,
      data: ours.data,
    });
    const message = Kafka.binary(written);
    // The SDK leaves the data as it was given; the producer serialises it, as our relay does.
    const value = Buffer.from(typeof message.value === 'string' ? message.value : JSON.stringify(message.value));
    expect(fromKafkaMessage(message.headers as Record<string, string>, value)).toEqual(ours);
  });

  it('agrees with the SDK that an event without the required ce_ headers is not an event', () => {
    const headers = {
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_type: ours.type,
      ce_source: ours.source,
    };
    expect(() => fromKafkaMessage(headers, Buffer.from('{}'))).toThrow('missing header ce_id');
    expect(() =>
      (Kafka.toEvent(record('k', Buffer.from('{}'), headers)) as SdkCloudEvent<unknown>).validate(),
    ).toThrow();
  });
});
