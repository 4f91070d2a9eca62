import { Injectable, NestMiddleware } from '@nestjs/common';
import { type NextFunction, type Request, type RequestHandler, type Response, text } from 'express';
import { refuseDeepJson, refuseUnsafeText } from '@gridline/platform';
import { ImportErrors } from './import-errors';

/** Import files may be far bigger than the service-wide 256 kB JSON limit, on the import routes only. */
export const MAX_IMPORT_BODY = '5mb';

/** The import routes, which the service-wide JSON parser leaves alone (see main.ts). */
export const IMPORT_PATHS = /^\/v1\/tenants\/[^/]+\/imports\/(grids|places|members|geojson)(\?|$)/;

/**
 * Reads the body as a string into `req.body` when its type is one of `types`, and holds it to the platform's
 * text rule (these bodies bypass the service-wide check, which runs before they are read). Errors are thrown
 * (not passed to `next`) so the service's error filter answers them like any other: an oversized file is 413
 * PAYLOAD_TOO_LARGE, a NUL byte 400 INVALID_TEXT.
 */
async function readText(reader: RequestHandler, req: Request, res: Response): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    reader(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
  ).catch((error: unknown) => {
    if ((error as { type?: string }).type === 'entity.too.large') throw ImportErrors.PAYLOAD_TOO_LARGE(MAX_IMPORT_BODY);
    throw error;
  });
  if (typeof req.body === 'string') refuseUnsafeText(req.body);
}

const readCsv = text({ type: 'text/csv', limit: MAX_IMPORT_BODY, defaultCharset: 'utf-8' });
const readGeoJson = text({
  type: ['application/geo+json', 'application/json'],
  limit: MAX_IMPORT_BODY,
  defaultCharset: 'utf-8',
});

/** A text/csv body as a string (grids, places and members imports). */
@Injectable()
export class CsvBodyMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    await readText(readCsv, req, res);
    next();
  }
}

/**
 * An application/geo+json or application/json body as a string, parsed by the GeoJSON import itself — after
 * its nesting is measured here (400 JSON_TOO_DEEP), so no 5,000-deep `coordinates` reaches the parser or the
 * geometry checks.
 */
@Injectable()
export class GeoJsonBodyMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    await readText(readGeoJson, req, res);
    if (typeof req.body === 'string') refuseDeepJson(req.body);
    next();
  }
}
