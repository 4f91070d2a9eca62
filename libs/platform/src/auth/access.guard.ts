import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError } from '../http/api-error';
import { decideAccess } from './access-policy';
import { Identity } from './identity';
import { Audience, PERMIT_KEY, PUBLIC_KEY } from './permit.decorator';
import { TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = Request & { identity?: Identity };

/**
 * The one guard every route of every service passes: a verified token, then the route's @Permit policy
 * against the district in the path. Installed globally, so a new route is refused until it says who may call.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const identity = await this.verifier.verify(request.headers.authorization);
    const decision = decideAccess(identity, {
      method: request.method,
      tenantId: typeof request.params?.tenantId === 'string' ? request.params.tenantId : undefined,
      audiences: this.reflector.getAllAndOverride<Audience[]>(PERMIT_KEY, targets),
    });
    if (!decision.allowed) throw new ForbiddenError(decision.code, decision.reason);
    request.identity = identity;
    return true;
  }
}
