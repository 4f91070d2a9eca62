import { Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error back to the consumer as it was thrown. Nest's default RPC filter would replace every
 * error by `{ status: 'error', message: 'Internal server error' }`, and the consumer decides on the error itself:
 * a `PermanentEventError` is dead-lettered at once, a database outage is waited out, anything else is retried —
 * and the dead letter's `dlq_detail` names the real reason.
 */
@Catch()
export class KeepEventErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
