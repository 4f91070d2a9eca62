import { ValidationOptions, registerDecorator } from 'class-validator';
import { isCalendarDate } from '@gridline/calendar';

/** A `YYYY-MM-DD` that names a real day (2025-02-30 is refused as a 400 naming the field). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a real calendar date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) },
    });
}
