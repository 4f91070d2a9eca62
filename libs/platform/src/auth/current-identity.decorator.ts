import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { UnauthenticatedError } from '../http/api-error';
import type { AuthenticatedRequest } from './access.guard';
import { Identity } from './identity';

/** The verified caller of the current request (set by AccessGuard). */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext): Identity => {
  const identity = context.switchToHttp().getRequest<AuthenticatedRequest>().identity;
  if (!identity) throw new UnauthenticatedError('no verified identity on this request');
  return identity;
});
