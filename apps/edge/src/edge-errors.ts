import type { ServerResponse } from 'node:http';

/** The edge's own refusals, each a stable code with a status, written as the services write theirs. */
export const edgeErrors = {
  UPSTREAM_UNAVAILABLE: 502,
  UNKNOWN_SERVICE: 404,
  NOT_FOUND: 404,
  BAD_PATH: 400,
  METHOD_NOT_ALLOWED: 405,
  INVALID_SIGN_IN: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SIGN_IN_FAILED: 500,
  EDGE_FAILED: 500,
} as const;
export type EdgeErrorCode = keyof typeof edgeErrors;

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

export function sendError(
  response: ServerResponse,
  code: EdgeErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, edgeErrors[code], { statusCode: edgeErrors[code], code, message }, headers);
}
