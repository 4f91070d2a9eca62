import { UnprocessableError } from '@gridline/platform';
import { Availability, availabilityProblems } from './domain/availability';
import { AvailabilityDto } from './use-cases/register-volunteer/register-volunteer.dto';

/** Availability as given over HTTP, checked: 422 INVALID_AVAILABILITY naming every bad field (a window ending before it starts). */
export function checkedAvailability(input: AvailabilityDto | undefined): Availability {
  const availability: Availability = { weekly: input?.weekly ?? [], exceptions: input?.exceptions ?? [] };
  const problems = availabilityProblems(availability);
  if (problems.length > 0)
    throw new UnprocessableError(
      'INVALID_AVAILABILITY',
      problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
      problems,
    );
  return availability;
}
