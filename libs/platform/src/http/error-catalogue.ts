import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ApiError, FieldProblem, validationMessage } from './api-error';
import { ApiErrorView } from './api-error.view';

/** What an error's message factory gives: the message, or the message and the fields it is about. */
export type ErrorText = string | { readonly message: string; readonly details: readonly FieldProblem[] };

export interface ErrorSpec<A extends unknown[]> {
  readonly status: HttpStatus;
  /** When a client gets it, for the OpenAPI document ("the grid does not exist in the district"). */
  readonly when: string;
  readonly message: (...args: A) => ErrorText;
}

/** What a route's documentation needs of an error. */
export interface DocumentedError {
  readonly code: string;
  readonly status: HttpStatus;
  readonly when: string;
}

/** One error of a feature's catalogue: call it for the error to throw; it documents the routes that answer it. */
export interface CataloguedError<A extends unknown[]> extends DocumentedError {
  (...args: A): ApiError;
}

// `any[]` as the constraint's argument list: each entry keeps its own parameter types through `infer`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySpecs = Record<string, ErrorSpec<any[]>>;

export type ErrorCatalogue<S extends AnySpecs> = {
  readonly [K in keyof S]: S[K] extends ErrorSpec<infer A> ? CataloguedError<A> : never;
};

const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * A feature's errors in one place (code → HTTP status → message): use cases throw `Errors.CODE(args)`, and
 * `@ApiErrors(Errors.CODE, …)` documents the same entries on the routes, so the code a client reads in the OpenAPI
 * document is the code it gets. The key is the stable code clients branch on.
 */
export function errorCatalogue<S extends AnySpecs>(specs: S): ErrorCatalogue<S> {
  const catalogue: Record<string, CataloguedError<unknown[]>> = {};
  for (const [code, { status, when, message }] of Object.entries(specs)) {
    if (!CODE.test(code)) throw new Error(`error code ${code} is not UPPER_SNAKE_CASE`);
    const build = (...args: unknown[]): ApiError => {
      const text = message(...args);
      return typeof text === 'string'
        ? new ApiError(status, code, text)
        : new ApiError(status, code, text.message, text.details);
    };
    catalogue[code] = Object.assign(build, { code, status, when });
  }
  return catalogue as ErrorCatalogue<S>;
}

/**
 * Documents the errors a route (or every route of a controller) may answer: one OpenAPI response per status, its
 * description listing each code and when it happens, its body the platform's error shape.
 */
export function ApiErrors(...errors: readonly DocumentedError[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, DocumentedError[]>();
  for (const error of errors) byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), error]);
  return applyDecorators(
    ...[...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) =>
        ApiResponse({ status, type: ApiErrorView, description: list.map((e) => `${e.code}: ${e.when}`).join('; ') }),
      ),
  );
}

/**
 * The errors every service answers the same way, raised by the platform's pipes, guards and access helpers rather
 * than by one feature: routes list them with `@ApiErrors` beside their feature's own.
 */
export const PlatformErrors = errorCatalogue({
  VALIDATION_FAILED: {
    status: HttpStatus.BAD_REQUEST,
    when: 'a parameter or body field is missing, unknown or malformed (details name each)',
    message: (details: readonly FieldProblem[]) => ({ message: validationMessage(details), details }),
  },
  FORBIDDEN_ROLE: {
    status: HttpStatus.FORBIDDEN,
    when: 'the caller lacks the role this needs',
    message: (reason: string) => reason,
  },
  FORBIDDEN_DISTRICT: {
    status: HttpStatus.FORBIDDEN,
    when: "the caller's token is for another district",
    message: (reason: string) => reason,
  },
  OUTSIDE_YOUR_GRID: {
    status: HttpStatus.FORBIDDEN,
    when: 'a grid leader or worker acting on a grid outside the grids they lead or work in',
    message: (what: string) => `${what} is outside the grids you lead or work in`,
  },
});

/**
 * What a route under /v1/tenants/{tenantId} may answer before its own errors: its parameters and the access guard.
 * A route that also looks the district up adds its service's TENANT_NOT_FOUND (`districtRouteErrors` of
 * @gridline/grid-replica for the services that read the replica).
 */
export const tenantRouteErrors = [
  PlatformErrors.VALIDATION_FAILED,
  PlatformErrors.FORBIDDEN_ROLE,
  PlatformErrors.FORBIDDEN_DISTRICT,
] as const;

/** What a city-wide route may answer before its own errors. */
export const cityRouteErrors = [PlatformErrors.VALIDATION_FAILED, PlatformErrors.FORBIDDEN_ROLE] as const;
