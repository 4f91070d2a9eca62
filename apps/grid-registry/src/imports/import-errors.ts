import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';
import type { ImportProblem } from './domain/import-problem';

/** At most this many problems travel in one response; the message gives the full count. */
export const MAX_REPORTED_PROBLEMS = 1_000;

/** Bulk imports and their jobs. */
export const ImportErrors = errorCatalogue({
  IMPORT_INVALID: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the file has problems, every one in details as {line, field, reason} (at most 1,000); nothing was stored',
    message: (problems: readonly ImportProblem[]) => {
      const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
      const more = problems.length > shown.length ? ` (the first ${shown.length} are listed)` : '';
      return {
        message: `the import file has ${problems.length} problem${problems.length === 1 ? '' : 's'}${more}; nothing was imported`,
        details: shown,
      };
    },
  },
  IMPORT_NOT_GEOJSON: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the document is not a GeoJSON FeatureCollection with features; nothing was read',
    message: (field: string, reason: string) => ({
      message: `the import file is not a GeoJSON FeatureCollection: ${reason}; nothing was imported`,
      details: [{ field, reason }],
    }),
  },
  PAYLOAD_TOO_LARGE: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    when: 'the file is over the import size limit (5 MB)',
    message: (limit: string) => ({
      message: `the import file is larger than ${limit}; split it into several files`,
      details: [{ field: 'body', reason: `larger than ${limit}` }],
    }),
  },
  IMPORT_NOT_CSV: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    when: 'the body is not sent as text/csv',
    message: () => ({
      message: 'send the import file as the request body with Content-Type: text/csv',
      details: [{ field: 'content-type', reason: 'expected text/csv' }],
    }),
  },
  IMPORT_NOT_GEOJSON_MEDIA_TYPE: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    when: 'the body is not sent as application/geo+json or application/json',
    message: () => ({
      message:
        'send the GeoJSON file as the request body with Content-Type: application/geo+json (or application/json)',
      details: [{ field: 'content-type', reason: 'expected application/geo+json or application/json' }],
    }),
  },
  IMPORT_JOB_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the import job does not exist in the district',
    message: (tenantId: string, jobId: string) => `import job ${jobId} does not exist in district ${tenantId}`,
  },
});
