import { HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/**
 * A failure a client can act on: a stable machine-readable `code`, an HTTP status and a message naming the
 * field or rule. Domain modules throw subclasses; one filter turns them into responses.
 */
export class ApiError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class NotFoundError extends ApiError {
  constructor(code: string, message: string) {
    super(HttpStatus.NOT_FOUND, code, message);
  }
}

export class ConflictError extends ApiError {
  constructor(code: string, message: string) {
    super(HttpStatus.CONFLICT, code, message);
  }
}

export class UnprocessableError extends ApiError {
  constructor(code: string, message: string, details: readonly FieldProblem[] = []) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);
  }
}

/** VALIDATION_FAILED's message: every field and why, in one line. */
export function validationMessage(details: readonly FieldProblem[]): string {
  return `invalid request — ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`;
}

export class ValidationFailedError extends ApiError {
  constructor(details: readonly FieldProblem[]) {
    super(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', validationMessage(details), details);
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message: string) {
    super(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends ApiError {
  constructor(code: string, message: string) {
    super(HttpStatus.FORBIDDEN, code, message);
  }
}
