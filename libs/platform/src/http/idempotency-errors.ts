import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from './error-catalogue';

/** What a route that honours an `Idempotency-Key` header may answer because of the key (HttpIdempotency). */
export const IdempotencyErrors = errorCatalogue({
  BAD_IDEMPOTENCY_KEY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the Idempotency-Key is not 8–100 letters, digits or ._:-',
    message: () => ({
      message: 'Idempotency-Key must be 8-100 letters, digits or ._:-',
      details: [{ field: 'Idempotency-Key', reason: 'malformed' }],
    }),
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the Idempotency-Key was used before with a different body',
    message: () => ({
      message: 'this Idempotency-Key was used for a different request body',
      details: [{ field: 'Idempotency-Key', reason: 'reused with another body' }],
    }),
  },
  IDEMPOTENT_REQUEST_COMPLETED: {
    status: HttpStatus.CONFLICT,
    when: 'a request with the key succeeded earlier but its answer was not kept; read the resource it made',
    message: () =>
      'a request with this Idempotency-Key already succeeded, but its answer was not kept; read the resource it created',
  },
  IDEMPOTENCY_STORE_UNAVAILABLE: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    when: 'the key store (Redis) is unreachable; retry later or send without the key',
    message: () =>
      'Idempotency-Key cannot be honoured right now (Redis unavailable); retry later or send without the key',
  },
});

/** Every error a route answers because it takes an Idempotency-Key, for `@ApiErrors`. */
export const idempotencyRouteErrors = Object.values(IdempotencyErrors);
