import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The browser's EventSource cannot set an Authorization header, so the feed routes (and only they: this
 * middleware is bound to the feed controller) also take the bearer token as `?access_token=`. The access guard
 * then verifies it like any other. A header, when sent, wins.
 */
@Injectable()
export class FeedTokenMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const token = (request.query as Record<string, unknown> | undefined)?.access_token;
    if (request.headers.authorization === undefined && typeof token === 'string')
      request.headers.authorization = `Bearer ${token}`;
    next();
  }
}
