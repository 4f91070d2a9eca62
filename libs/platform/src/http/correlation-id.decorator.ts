import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { correlationIdFrom } from './correlation';

/**
 * The request's correlation id as a controller parameter: the caller's `X-Correlation-Id` when it is sane, else a
 * new one — the same value however often the handler uses it.
 */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request & { gridlineCorrelationId?: string }>();
  request.gridlineCorrelationId ??= correlationIdFrom(request.headers['x-correlation-id']);
  return request.gridlineCorrelationId;
});
