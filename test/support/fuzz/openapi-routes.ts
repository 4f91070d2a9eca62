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
}

interface OpenApiDocument {
  readonly paths: Record<
    string,
    Record<string, { parameters?: RouteParameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
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
        };
      }),
  );
}
