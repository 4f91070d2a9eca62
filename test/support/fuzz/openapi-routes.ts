/** The parts of an OpenAPI 3 document the fuzzer reads: every operation, its parameters and its body schema. */
export interface Schema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly $ref?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
}

export interface RouteParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: Schema;
  readonly example?: unknown;
}

export interface Route {
  readonly method: string;
  /** OpenAPI template, e.g. `/v1/tenants/{tenantId}/grids/{gridId}`. */
  readonly path: string;
  readonly parameters: readonly RouteParameter[];
  /** The media type of the body and its resolved schema, when the route takes one. */
  readonly body: { readonly type: string; readonly schema: Schema } | null;
  /** The error answers the route documents: status → its description (`CODE: when; CODE: when`). */
  readonly errors: Readonly<Record<string, string>>;
}

interface OpenApiDocument {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        parameters?: RouteParameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
  readonly info?: { readonly description?: string };
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

/** Resolves `$ref`s (nested ones too, to a few levels: the fuzzer only needs property names and types). */
function resolve(schema: Schema | undefined, document: OpenApiDocument, depth = 0): Schema {
  if (!schema || depth > 4) return {};
  const own = schema.$ref ? (document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
  const properties = own.properties
    ? Object.fromEntries(
        Object.entries(own.properties).map(([name, value]) => [name, resolve(value, document, depth + 1)]),
      )
    : undefined;
  return {
    ...own,
    ...(properties ? { properties } : {}),
    ...(own.items ? { items: resolve(own.items, document, depth + 1) } : {}),
  };
}

/** Every method + path of a service's OpenAPI document, health and docs left out. */
export function routesOf(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .filter(() => !/^\/(health|docs)/.test(path))
      .map(([method, operation]) => {
        const [type, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
        return {
          method: method.toUpperCase(),
          path,
          parameters: operation.parameters ?? [],
          body: type ? { type, schema: resolve(content?.schema, document) } : null,
          errors: Object.fromEntries(
            Object.entries(operation.responses ?? {})
              .filter(([status]) => Number(status) >= 400)
              .map(([status, response]) => [status, response.description ?? '']),
          ),
        };
      }),
  );
}

/** The error codes a service documents once for every route (its description's input rules, e.g. INVALID_TEXT). */
export function errorCodesOfEveryRoute(document: OpenApiDocument): Set<string> {
  return new Set(document.info?.description?.match(/\b[A-Z][A-Z_]{3,}[A-Z]\b/g) ?? []);
}

/** Whether a route documents an error answer: its status, and its code (when the body has one) under that status. */
export function documentsError(
  route: Route,
  everyRoute: ReadonlySet<string>,
  status: number,
  code: string | null,
): boolean {
  if (code !== null && everyRoute.has(code)) return true;
  const description = route.errors[String(status)];
  if (description === undefined) return false;
  return code === null || new RegExp(`(^|; )${code}:`).test(description);
}
