import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { canonicalTimeZone, isCalendarDate, parseInstant, periodOutOfOrder } from '@gridline/calendar';

function decorate(
  name: string,
  message: (field: string) => string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: message(String(propertyName)), ...options },
      validator: { validate },
    });
}

/** A `YYYY-MM-DD` that names a real day (2026-02-30 and 2026-13-01 are refused as a 400 naming the field). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return decorate(
    'isCalendarDate',
    (field) => `${field} must be a real calendar date YYYY-MM-DD`,
    (value) => typeof value === 'string' && isCalendarDate(value),
    options,
  );
}

/** An IANA time zone the runtime knows, e.g. Asia/Shanghai or America/New_York. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return decorate(
    'isTimeZone',
    (field) => `${field} must be an IANA time zone, e.g. Asia/Shanghai`,
    (value) => typeof value === 'string' && canonicalTimeZone(value) !== null,
    options,
  );
}

/** An ISO 8601 date or date-time naming a real instant (libs/calendar/src/instant.ts). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return decorate(
    'isInstant',
    (field) => `${field} must be a real ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T08:00:00+08:00`,
    (value) => typeof value === 'string' && parseInstant(value) !== null,
    options,
  );
}

/**
 * The period rule on the start of a period: it must not be after `endField` (when both are given and valid;
 * each end's own validator names a malformed one). One rule for every route that takes a period.
 */
export function NotAfter(endField: string, options?: ValidationOptions): PropertyDecorator {
  return decorate(
    'notAfter',
    (field) => periodOutOfOrder(field, endField),
    (value, args) => {
      const end = (args.object as Record<string, unknown>)[endField];
      if (typeof value !== 'string' || typeof end !== 'string') return true;
      const [start, finish] = [parseInstant(value), parseInstant(end)];
      return start === null || finish === null || start.getTime() <= finish.getTime();
    },
    options,
  );
}
