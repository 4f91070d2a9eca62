/**
 * A Server-Sent Events client over fetch, so the token goes in the Authorization header rather than the URL
 * (EventSource cannot send headers, and URLs end up in access logs). It keeps what EventSource gives for free:
 * parsing, reconnecting with growing pauses, and `Last-Event-ID` so the server replays what was missed.
 */
export interface SseMessage {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface SseOptions {
  readonly url: string;
  readonly headers: () => Record<string, string>;
  readonly onMessage: (message: SseMessage) => void;
  readonly onState?: (state: StreamState, detail?: string) => void;
  /** Called after a reconnect: anything beyond the server's replay buffer is gone, so the caller refreshes. */
  readonly onReconnected?: () => void;
  /** An answer that retrying cannot fix (401, 403, 404): the stream stops. */
  readonly onRefused?: (status: number) => void;
  readonly retryDelaysMs?: readonly number[];
  readonly fetchImpl?: typeof fetch;
}

/** Splits a text/event-stream into messages; feed it chunks as they come, it keeps the unfinished tail. */
export class SseParser {
  private buffer = '';
  private id: string | null = null;
  private event = 'message';
  private data: string[] = [];
  lastEventId: string | null = null;

  push(chunk: string, emit: (message: SseMessage) => void): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line, emit);
    }
  }

  private line(line: string, emit: (message: SseMessage) => void): void {
    if (line === '') {
      if (this.data.length > 0) {
        if (this.id !== null) this.lastEventId = this.id;
        emit({ id: this.id, event: this.event, data: this.data.join('\n') });
      }
      this.id = null;
      this.event = 'message';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return; // a heartbeat comment
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }
}

const defaultRetryDelaysMs = [500, 1000, 2000, 5000, 10000];

/** Opens the stream and keeps it open until the returned function is called. */
export function openSseStream(options: SseOptions): () => void {
  const doFetch = options.fetchImpl ?? fetch.bind(globalThis);
  const delays = options.retryDelaysMs ?? defaultRetryDelaysMs;
  const parser = new SseParser();
  let stopped = false;
  let controller: AbortController | null = null;
  let attempt = 0;
  let connectedBefore = false;

  const run = async (): Promise<void> => {
    while (!stopped) {
      controller = new AbortController();
      options.onState?.(connectedBefore ? 'reconnecting' : 'connecting');
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers() };
        if (parser.lastEventId) headers['last-event-id'] = parser.lastEventId;
        const response = await doFetch(options.url, { headers, signal: controller.signal, cache: 'no-store' });
        if ([401, 403, 404].includes(response.status)) {
          options.onRefused?.(response.status);
          options.onState?.('closed', `HTTP ${response.status}`);
          return;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        if (connectedBefore) options.onReconnected?.();
        connectedBefore = true;
        attempt = 0;
        options.onState?.('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value, options.onMessage);
        }
        if (!stopped) throw new Error('stream ended');
      } catch (error) {
        if (stopped) return;
        options.onState?.('reconnecting', error instanceof Error ? error.message : String(error));
        const delay = delays[Math.min(attempt, delays.length - 1)];
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
    options.onState?.('closed');
  };
}
