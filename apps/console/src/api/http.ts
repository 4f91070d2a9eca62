import { currentSession, signOut } from '../auth/session';

/** The four services, each behind `/api/<service>` on the console's own origin (the edge or the Ingress). */
export type Service = 'grid-registry' | 'issue-dispatch' | 'volunteer-coordination' | 'analytics';

/** An answer the API refused, with its stable code and reason, as the services' error filter writes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function apiUrl(
  service: Service,
  path: string,
  query?: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `/api/${service}${path}${text ? `?${text}` : ''}`;
}

export function authHeaders(): Record<string, string> {
  const session = currentSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || 'request failed';
  try {
    const body = (await response.json()) as { code?: string; message?: string | string[] };
    if (body.code) code = body.code;
    if (body.message) message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  } catch {
    // Not JSON (a proxy's page, say): keep the status line.
  }
  return new ApiError(response.status, code, message);
}

export async function request<T>(
  service: Service,
  path: string,
  init: { method?: string; query?: Parameters<typeof apiUrl>[2]; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders() };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(apiUrl(service, path, init.query), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (response.status === 401) {
    // The token expired or was revoked: back to sign-in rather than a screen of errors.
    signOut();
    throw await errorOf(response);
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(service: Service, path: string, query?: Parameters<typeof apiUrl>[2], signal?: AbortSignal) =>
  request<T>(service, path, { query, signal });
export const post = <T>(service: Service, path: string, body: unknown) =>
  request<T>(service, path, { method: 'POST', body });
