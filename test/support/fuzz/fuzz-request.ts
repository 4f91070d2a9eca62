import fc from 'fast-check';
import { badBody, badText, badValue, plausible } from './bad-values';
import { Route } from './openapi-routes';

export type Caller = 'district-admin' | 'city-admin' | 'resident' | 'nobody';

export interface FuzzRequest {
  readonly method: string;
  /** Path and query, percent-encoded as a client would send them (or worse). */
  readonly target: string;
  readonly caller: Caller;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Percent-encodes text; a lone surrogate (which encodeURIComponent refuses) goes out as invalid UTF-8. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  try {
    return encodeURIComponent(text);
  } catch {
    return text
      .replace(/[\ud800-\udfff]/g, '\uFFFD')
      .split('\uFFFD')
      .map(encodeURIComponent)
      .join('%ED%A0%80');
  }
}

function bodyText(route: Route, value: unknown): string {
  const type = route.body?.type ?? 'application/json';
  if (type.includes('json'))
    return typeof value === 'object' && value !== null && 'raw' in value
      ? String((value as { raw: unknown }).raw)
      : (JSON.stringify(value) ?? 'null');
  if (type.includes('x-www-form-urlencoded')) {
    const fields = typeof value === 'object' && value !== null ? Object.entries(value) : [['description', value]];
    return fields.map(([name, field]) => `${encode(name)}=${encode(field)}`).join('&');
  }
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/**
 * Requests for one route: the district `erqi` in the path most of the time (so the request gets past tenancy),
 * other path parameters real ids or bad text, some declared query parameters bad, a body from the route's
 * schema with bad fields; a district admin's token mostly, sometimes a city admin's, a resident's or none.
 */
export function requestsFor(route: Route, realIds: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const pathParams = route.parameters.filter((p) => p.in === 'path');
  const queryParams = route.parameters.filter((p) => p.in === 'query');
  const pathValue = (name: string) =>
    name === 'tenantId' || name === 'jurisdiction_id'
      ? fc.oneof({ arbitrary: fc.constant('erqi'), weight: 6 }, { arbitrary: badText, weight: 1 })
      : fc.oneof(
          { arbitrary: fc.constantFrom(...realIds), weight: 1 },
          { arbitrary: badText, weight: 2 },
          { arbitrary: fc.uuid(), weight: 1 },
        );
  const query = fc.tuple(
    ...queryParams.map((p) =>
      fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 2 },
        { arbitrary: badValue, weight: 2 },
        {
          arbitrary: fc.constant(p.name === 'jurisdiction_id' ? 'erqi' : (plausible(p.schema) ?? p.example)),
          weight: 1,
        },
      ),
    ),
  );
  return fc
    .record({
      path: fc.tuple(...pathParams.map((p) => pathValue(p.name))),
      query,
      extraQuery: fc.option(fc.tuple(badText, badText), { freq: 5 }),
      body: !route.body
        ? fc.constant(undefined)
        : /json|form/.test(route.body.type)
          ? badBody(route.body.schema)
          : badText,
      caller: fc.constantFrom<Caller>(
        'district-admin',
        'district-admin',
        'district-admin',
        'city-admin',
        'resident',
        'nobody',
      ),
      idempotencyKey: fc.option(badText, { freq: 4 }),
    })
    .map(({ path, query, extraQuery, body, caller, idempotencyKey }) => {
      let target = route.path;
      pathParams.forEach((p, index) => (target = target.replace(`{${p.name}}`, encode(path[index]))));
      const pairs = queryParams.flatMap((p, index) =>
        query[index] === undefined ? [] : [`${encode(p.name)}=${encode(query[index])}`],
      );
      if (extraQuery) pairs.push(`${encode(extraQuery[0])}=${encode(extraQuery[1])}`);
      const headers: Record<string, string> = {};
      if (route.body) headers['content-type'] = route.body.type;
      if (idempotencyKey && /^[\x20-\x7e]*$/.test(idempotencyKey)) headers['idempotency-key'] = idempotencyKey;
      return {
        method: route.method,
        target: pairs.length > 0 ? `${target}?${pairs.join('&')}` : target,
        caller,
        headers,
        ...(route.body ? { body: bodyText(route, body) } : {}),
      };
    });
}
