import { eventually } from '@gridline/testing';

export interface ServerSentEvent {
  readonly id: string | null;
  readonly event: string | null;
  readonly data: any;
  /** When this client read it (ms since the epoch). */
  readonly receivedAt: number;
}

/**
 * A fetch-based Server-Sent Events reader (the browser EventSource cannot send headers; Node has none):
 * collects every message of the stream, and the comments, until closed.
 */
export class SseClient {
  readonly messages: ServerSentEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  private readonly abort = new AbortController();
  private reading: Promise<void> = Promise.resolve();

  private constructor(private readonly url: string) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient(url);
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: client.abort.signal,
    });
    client.status = response.status;
    if (response.status !== 200 || !response.body) {
      await response.text().catch(() => undefined);
      return client;
    }
    client.reading = client.read(response.body);
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted
    }
  }

  private parse(block: string): void {
    let id: string | null = null;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) this.messages.push({ id, event, data: JSON.parse(data.join('\n')), receivedAt: Date.now() });
  }

  of(issueId: string): ServerSentEvent[] {
    return this.messages.filter((m) => m.data.issueId === issueId);
  }

  async waitFor(
    what: string,
    predicate: (message: ServerSentEvent) => boolean,
    timeoutMs = 30_000,
  ): Promise<ServerSentEvent> {
    return eventually(`${what} on ${this.url}`, async () => this.messages.find(predicate), timeoutMs, 100);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.reading;
  }
}
