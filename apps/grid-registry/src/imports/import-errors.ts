import { HttpStatus } from '@nestjs/common';
import { ApiError, UnprocessableError } from '@gridline/platform';
import type { ImportProblem } from './domain/import-problem';

/** At most this many problems travel in one response; the message gives the full count. */
export const MAX_REPORTED_PROBLEMS = 1_000;

/** 422 IMPORT_INVALID: the file has problems, listed as `{line, field, reason}`; nothing was stored. */
export class ImportInvalidError extends UnprocessableError {
  constructor(problems: readonly ImportProblem[]) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
    const more = problems.length > shown.length ? ` (the first ${shown.length} are listed)` : '';
    super(
      'IMPORT_INVALID',
      `the import file has ${problems.length} problem${problems.length === 1 ? '' : 's'}${more}; nothing was imported`,
      shown,
    );
  }
}

/** 413 PAYLOAD_TOO_LARGE: the file is over the import size limit. */
export class ImportTooLargeError extends ApiError {
  constructor(limit: string) {
    super(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'PAYLOAD_TOO_LARGE',
      `the import file is larger than ${limit}; split it into several files`,
      [{ field: 'body', reason: `larger than ${limit}` }],
    );
  }
}

/** 415 IMPORT_NOT_CSV: the body is not sent as text/csv. */
export class ImportNotCsvError extends ApiError {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'IMPORT_NOT_CSV',
      'send the import file as the request body with Content-Type: text/csv',
      [{ field: 'content-type', reason: 'expected text/csv' }],
    );
  }
}

/** 422 IMPORT_NOT_GEOJSON: the document as a whole is not a GeoJSON FeatureCollection with features; nothing was read. */
export class ImportNotGeoJsonError extends UnprocessableError {
  constructor(field: string, reason: string) {
    super('IMPORT_NOT_GEOJSON', `the import file is not a GeoJSON FeatureCollection: ${reason}; nothing was imported`, [
      { field, reason },
    ]);
  }
}

/** 415 IMPORT_NOT_GEOJSON_MEDIA_TYPE: the body is not sent as application/geo+json or application/json. */
export class ImportNotJsonError extends ApiError {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'IMPORT_NOT_GEOJSON_MEDIA_TYPE',
      'send the GeoJSON file as the request body with Content-Type: application/geo+json (or application/json)',
      [{ field: 'content-type', reason: 'expected application/geo+json or application/json' }],
    );
  }
}
