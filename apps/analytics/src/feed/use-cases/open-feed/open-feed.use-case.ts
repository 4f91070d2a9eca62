import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { messagesAfter } from '../../domain/feed-message';
import { FeedConnection } from '../../feed-connection';
import { FeedHub } from '../../feed-hub';
import { FeedPublisher } from '../../feed-publisher';

/**
 * Opens a text/event-stream for one district (or the city): subscribe first, then replay what the client missed
 * since `lastEventId` from the buffer, then go live; messages that arrived meanwhile follow the replay, once.
 */
@Injectable()
export class OpenFeedUseCase {
  constructor(
    private readonly hub: FeedHub,
    private readonly publisher: FeedPublisher,
  ) {}

  async execute(tenantId: string | null, lastEventId: string | null, response: Response): Promise<void> {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write('retry: 3000\n\n');

    const connection = new FeedConnection(tenantId, response);
    const detach = this.hub.attach(connection);
    response.on('close', detach);
    if (lastEventId !== null) {
      for (const message of messagesAfter(await this.publisher.recent(tenantId), lastEventId)) connection.send(message);
    }
    connection.release();
    connection.comment('live');
  }
}
