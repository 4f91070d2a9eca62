import { Availability, availabilityProblems } from './domain/availability';
import { AvailabilityDto } from './use-cases/register-volunteer/register-volunteer.dto';
import { VolunteerErrors } from './volunteer-errors';

/** Availability as given over HTTP, checked: 422 INVALID_AVAILABILITY naming every bad field (a window ending before it starts). */
export function checkedAvailability(input: AvailabilityDto | undefined): Availability {
  const availability: Availability = { weekly: input?.weekly ?? [], exceptions: input?.exceptions ?? [] };
  const problems = availabilityProblems(availability);
  if (problems.length > 0) throw VolunteerErrors.INVALID_AVAILABILITY(problems);
  return availability;
}
