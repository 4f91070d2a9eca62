import { randomUUID } from 'node:crypto';

const correlationPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/** Takes a caller's X-Correlation-Id when it is sane, else starts a new correlation. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && correlationPattern.test(value) ? value : randomUUID();
}
