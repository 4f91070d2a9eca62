import { Transform } from 'class-transformer';

function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item.trim() : item));
  return value;
}

/**
 * Trims a string (or each string of an array) before validation, so " 47号院" and "47号院" are one address and a
 * blank name fails its length rule. Anything else passes through for the type validators to reject.
 */
export const Trim = (): PropertyDecorator => Transform(({ value }) => trimmed(value));
