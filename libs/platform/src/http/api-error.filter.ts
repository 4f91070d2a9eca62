import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError } from './api-error';

/** The one place where errors become HTTP responses: `{ statusCode, code, message, details }`, never a stack. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): { statusCode: number; code: string; message: string; details: unknown[] } {
    if (exception instanceof ApiError) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, details: [...exception.details] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === HttpStatus.NOT_FOUND ? 'ROUTE_NOT_FOUND' : status === HttpStatus.PAYLOAD_TOO_LARGE ? 'PAYLOAD_TOO_LARGE' : `HTTP_${status}`;
      const message = status === HttpStatus.BAD_REQUEST ? `malformed request — ${exception.message}` : exception.message;
      return { statusCode: status, code, message, details: [] };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'internal error; see the service log', details: [] };
  }
}
