import { connect, Socket } from 'node:net';
import { now } from './measure';

export interface HttpLoadResult {
  readonly requests: number;
  readonly ms: number;
  /** How many responses had each status code. */
  readonly statuses: ReadonlyMap<number, number>;
}

const HEADER_END = '\r\n\r\n';

/** A raw HTTP/1.1 POST with a JSON body, for `httpLoad`'s `request` option. */
export function jsonPost(host: string, path: string, body: unknown, headers: Record<string, string> = {}): string {
  const payload = JSON.stringify(body);
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n${extra}\r\n${payload}`;
}

/**
 * Sends `total` requests — GETs, POSTs of `jsonBody` when given, or the raw requests `request` builds — over
 * `concurrency` keep-alive connections, one request in flight per connection, cycling through `paths`, and times
 * them from the first send to the last response.
 *
 * The client writes requests and reads responses on raw sockets (status line and Content-Length only) instead
 * of node:http, because on a 2-core machine the client shares the CPU with the service and PostgreSQL: a
 * heavier client would be measured instead of the service. Paths must be ASCII (percent-encode the rest).
 */
export async function httpLoad(
  baseUrl: string,
  paths: readonly string[],
  options: {
    total: number;
    concurrency: number;
    headers?: Record<string, string>;
    jsonBody?: unknown;
    request?: (index: number) => string;
  },
): Promise<HttpLoadResult> {
  const url = new URL(baseUrl);
  const extraHeaders = Object.entries(options.headers ?? {})
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  // Written as bytes (latin1 of the UTF-8 encoding) because the socket encodes strings as latin1 below.
  const body =
    options.jsonBody === undefined ? '' : Buffer.from(JSON.stringify(options.jsonBody), 'utf8').toString('latin1');
  const requestFor = (path: string) =>
    body
      ? `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\n${extraHeaders}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`
      : `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\n${extraHeaders}\r\n`;
  const statuses = new Map<number, number>();
  let sent = 0;
  let answered = 0;
  const sockets: Socket[] = [];

  const started = now();
  await new Promise<void>((resolve, reject) => {
    const finishOne = (status: number) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      answered += 1;
      if (answered === options.total) resolve();
    };
    const open = () => {
      const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
      sockets.push(socket);
      const sendNext = () => {
        if (sent >= options.total) return;
        const index = sent;
        sent += 1;
        // A built request is a JS string (UTF-8 on the wire); our own are already bytes as latin1.
        if (options.request) socket.write(options.request(index));
        else socket.write(requestFor(paths[index % paths.length]), 'latin1');
      };
      socket.on('connect', sendNext);
      readResponses(
        socket,
        (status) => {
          finishOne(status);
          sendNext();
        },
        reject,
      );
    };
    for (let i = 0; i < Math.min(options.concurrency, options.total); i += 1) open();
  });
  const ms = now() - started;
  for (const socket of sockets) socket.destroy();
  return { requests: options.total, ms, statuses };
}

/**
 * Reads a keep-alive socket's responses one whole response at a time (status line and Content-Length only, the body
 * skipped) and hands each status to `onResponse`; a response without Content-Length, or a socket error, to `onError`.
 */
export function readResponses(
  socket: Socket,
  onResponse: (status: number) => void,
  onError: (error: Error) => void,
): void {
  socket.setEncoding('latin1');
  let buffer = '';
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      const headerEnd = buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = buffer.slice(0, headerEnd);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      if (!length) {
        onError(new Error(`bench: a response without Content-Length: ${head.split('\r\n')[0]}`));
        return;
      }
      const end = headerEnd + HEADER_END.length + Number(length[1]);
      if (buffer.length < end) return;
      buffer = buffer.slice(end);
      onResponse(Number(head.slice(9, 12)));
    }
  });
  socket.on('error', onError);
}
