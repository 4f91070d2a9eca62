import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { DocumentedError, errorCatalogue } from '@gridline/platform';
import { Open311ErrorView } from './open311.dto';

/** Open311's own refusals: the access guard's, and the lookups of services and requests. */
export const Open311Errors = errorCatalogue({
  RATE_LIMITED: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    when: 'too many requests from this client address, or with this API key, in the minute; see Retry-After',
    message: (retryAfterSeconds: number, withKey: boolean) =>
      `too many requests; retry in ${retryAfterSeconds} s${withKey ? '' : ' (an API key has a higher limit)'}`,
  },
  UNKNOWN_JURISDICTION: {
    status: HttpStatus.NOT_FOUND,
    when: 'jurisdiction_id is not a district of this city',
    message: (jurisdiction: string) => `jurisdiction_id ${jurisdiction} is not a district of this city`,
  },
  API_KEY_REQUIRED: {
    status: HttpStatus.FORBIDDEN,
    when: 'a post without an api_key',
    message: () => 'posting a request needs the api_key your district issued to your app',
  },
  API_KEY_INVALID: {
    status: HttpStatus.FORBIDDEN,
    when: 'the api_key is unknown or revoked',
    message: () => 'api_key is not valid (unknown or revoked)',
  },
  API_KEY_WRONG_JURISDICTION: {
    status: HttpStatus.FORBIDDEN,
    when: 'the api_key was issued by another district',
    message: (jurisdiction: string) =>
      `this api_key was issued by another district and cannot post into jurisdiction ${jurisdiction}`,
  },
  UNKNOWN_SERVICE_CODE: {
    status: HttpStatus.NOT_FOUND,
    when: 'service_code is not a service (issue category) of the jurisdiction',
    message: (code: string, jurisdiction: string) =>
      `service_code ${code} is not a service of jurisdiction ${jurisdiction}`,
  },
  REQUEST_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'no service request with this id in the jurisdiction',
    message: (id: string, jurisdiction: string) =>
      `service request ${id} does not exist in jurisdiction ${jurisdiction}`,
  },
  API_KEY_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the district has no API key with this id',
    message: (tenantId: string, keyId: string) => `district ${tenantId} has no API key ${keyId}`,
  },
});

/**
 * `@ApiErrors` for Open311 routes: the same catalogue entries, documented in Open311's error shape
 * (`[{ code, description }]`, the description led by our code) and with Open311's statuses — a refused rule (our
 * 422) is a 400 there.
 */
export function Open311ApiErrors(...errors: readonly DocumentedError[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, DocumentedError[]>();
  for (const error of errors) {
    const status = error.status === HttpStatus.UNPROCESSABLE_ENTITY ? HttpStatus.BAD_REQUEST : error.status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), error]);
  }
  return applyDecorators(
    ...[...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) =>
        ApiResponse({
          status,
          type: [Open311ErrorView],
          description: list.map((e) => `${e.code}: ${e.when}`).join('; '),
        }),
      ),
  );
}
