import type { AvailabilityInput } from './availability.command';
import { Availability, availabilityProblems } from './domain/availability';
import { VolunteerErrors } from './volunteer-errors';

/** Availability as given over HTTP, checked: 422 INVALID_AVAILABILITY naming every bad field (a window ending before it starts). */
export function checkedAvailability(input: AvailabilityInput | undefined): Availability {
  const availability: Availability = { weekly: input?.weekly ?? [], exceptions: input?.exceptions ?? [] };
  const problems = availabilityProblems(availability);
  if (problems.length > 0) throw VolunteerErrors.INVALID_AVAILABILITY(problems);
  return availability;
}
