import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldProblem, ValidationFailedError } from '@gridline/platform';
import type { ReportedProblem } from '../../../../issues/use-cases/report-issue/report-issue.command';
import { ReportIssueDto } from '../../../../issues/use-cases/report-issue/report-issue.dto';
import type { PossibleDuplicate } from '../../../duplicates/possible-duplicates';
import type { Open311RequestForm } from './post-service-request.command';

/** Our REST field → the Open311 form field it came from, for error messages a civic app can act on. */
const open311Field: Record<string, string> = {
  category: 'service_code',
  description: 'description',
  address: 'address_string',
  location: 'lat/long',
  'location.lat': 'lat',
  'location.lon': 'long',
  gridId: 'lat/long, address_string or address_id',
  photoUrls: 'media_url',
  reporter: 'first_name/last_name',
  'reporter.name': 'first_name/last_name',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
};

const ANONYMOUS = 'anonymous (Open311)';

/**
 * An Open311 form as the report our REST API takes: the same use case then routes, stores and announces it.
 * `placeAddress` is the registered address an `address_id` named (looked up by the caller).
 */
export function open311FormToReport(form: Open311RequestForm, placeAddress: string | null): ReportedProblem {
  const hasPoint = form.lat !== undefined || form.long !== undefined;
  if (hasPoint && (form.lat === undefined || form.long === undefined)) {
    throw new ValidationFailedError([{ field: 'lat/long', reason: 'lat and long must be given together' }]);
  }
  const address = placeAddress ?? (form.address_string?.trim() || undefined);
  if (!hasPoint && address === undefined) {
    throw new ValidationFailedError([
      { field: 'lat/long', reason: 'a location is required: lat and long, address_string or address_id' },
    ]);
  }
  const name = [form.first_name, form.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  const description =
    form.description?.trim() || (form.media_url ? '(no description; see the photo)' : '(no description)');
  return {
    category: form.service_code,
    description,
    ...(address !== undefined ? { address } : {}),
    ...(hasPoint ? { location: { lat: Number(form.lat), lon: Number(form.long) } } : {}),
    ...(form.media_url ? { photoUrls: [form.media_url] } : {}),
    channel: 'resident',
    reporter: {
      name: name || ANONYMOUS,
      ...(form.phone ? { phone: form.phone } : {}),
      ...(form.email ? { email: form.email } : {}),
    },
  };
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const field = open311Field[path] ?? open311Field[path.replace(/\.\d+$/, '')] ?? path;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Checks a mapped report by exactly the rules of the REST API; problems are named by their Open311 field. */
export async function assertValidReport(report: ReportedProblem): Promise<ReportedProblem> {
  const instance = plainToInstance(ReportIssueDto, report);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new ValidationFailedError(flatten(errors));
  return instance;
}

/** Open311's `service_notice`: what happens next, and the earlier open requests that look like the same problem. */
export function serviceNotice(possibleDuplicates: readonly PossibleDuplicate[]): string {
  const next = 'Received and dispatched to the responsible grid.';
  if (possibleDuplicates.length === 0) return next;
  const listed = possibleDuplicates
    .map(
      (d) =>
        `${d.issueId} (${d.reportedAt}${d.distanceMetres !== null ? `, ${d.distanceMetres} m away` : ', same place'})`,
    )
    .join('; ');
  return `${next} Possible duplicate of ${possibleDuplicates.length === 1 ? 'an earlier open request' : `${possibleDuplicates.length} earlier open requests`}: ${listed}. The dispatch centre decides.`;
}
