import { Injectable, NestMiddleware } from '@nestjs/common';
import { type NextFunction, type Request, type Response, text } from 'express';
import { ImportTooLargeError } from './import-errors';

/** Import files may be far bigger than the service-wide 256 kB JSON limit, on this route only. */
export const MAX_IMPORT_BODY = '5mb';

const readCsvBody = text({ type: 'text/csv', limit: MAX_IMPORT_BODY, defaultCharset: 'utf-8' });

/**
 * Reads a text/csv body into `req.body` as a string. Errors are thrown (not passed to `next`) so the service's
 * error filter answers them like any other: an oversized file is 413 PAYLOAD_TOO_LARGE with a code.
 */
@Injectable()
export class CsvBodyMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    await new Promise<void>((resolve, reject) => readCsvBody(req, res, (error?: unknown) => (error ? reject(error) : resolve())))
      .catch((error: unknown) => {
        if ((error as { type?: string }).type === 'entity.too.large') throw new ImportTooLargeError(MAX_IMPORT_BODY);
        throw error;
      });
    next();
  }
}
