import { randomUUID } from 'node:crypto';
import { CloudEvent } from '@gridline/contracts';

/**
 * Tenant, correlation and causation for the events a unit of work emits. Correlation follows a case across
 * services; causation names the event (if any) that caused this one.
 */
export interface EventContext {
  readonly tenantId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}

export const EventContext = {
  /** A unit of work started by a request (or a clock), not by another event. */
  start(tenantId: string, correlationId: string = randomUUID()): EventContext {
    return { tenantId, correlationId, causationId: null };
  },
  /** A unit of work caused by handling `event`. */
  causedBy(event: CloudEvent): EventContext {
    return { tenantId: event.tenantid, correlationId: event.correlationid, causationId: event.id };
  },
};
