import type { Response } from 'express';
import { FeedMessage, feedServes, serverSentEvent } from './domain/feed-message';

/** How many recent ids a connection remembers to drop a message delivered twice (replay and live, or a retried publish). */
const REMEMBERED_IDS = 2_000;
/** A client this far behind (bytes not yet taken by the socket) is cut off; it reconnects with its Last-Event-ID. */
const MAX_UNSENT_BYTES = 1_000_000;

/**
 * One client's open feed. Live messages are held while the replay is written, then released, so nothing falls
 * between the two and nothing is sent twice.
 */
export class FeedConnection {
  private held: FeedMessage[] | null = [];
  private readonly sent = new Set<string>();

  constructor(
    /** The district this connection serves, or null for every district (a city role). */
    readonly tenantId: string | null,
    private readonly response: Pick<Response, 'write' | 'end' | 'writableLength'>,
  ) {}

  deliver(message: FeedMessage): void {
    if (!feedServes(this.tenantId, message)) return;
    if (this.held) this.held.push(message);
    else this.send(message);
  }

  /** Writes messages now, ahead of anything held (the replay). */
  send(message: FeedMessage): void {
    if (this.sent.has(message.id)) return;
    this.sent.add(message.id);
    if (this.sent.size > REMEMBERED_IDS) this.sent.delete(this.sent.values().next().value as string);
    this.response.write(serverSentEvent(message));
    if (this.response.writableLength > MAX_UNSENT_BYTES) this.end();
  }

  /** Sends what arrived while held and goes live. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const message of held) this.send(message);
  }

  comment(text: string): void {
    this.response.write(`: ${text}\n\n`);
  }

  /** Ends the stream (at shutdown); the client reconnects, to another replica, with its Last-Event-ID. */
  end(): void {
    this.response.end();
  }
}
