/* eslint-disable @typescript-eslint/no-explicit-any -- a test reads the services' JSON answers loosely, as a client would; a caller that wants a type names it */
export interface HttpResult<T = any> {
  readonly status: number;
  readonly body: T;
}

/** A tiny JSON client over fetch for specs and benchmarks; returns status and parsed body, never throws on 4xx/5xx. */
export function httpClient(baseUrl: string, bearer?: string) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const auth: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? { ...auth, ...headers } : { 'content-type': 'application/json', ...auth, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // leave non-JSON bodies as text
    }
    return { status: response.status, body: parsed as T };
  }
  return {
    /** The same client acting as someone else (or as nobody, with no argument). */
    as: (token?: string) => httpClient(baseUrl, token),
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body ?? {}, headers),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body ?? {}, headers),
    delete: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
  };
}
