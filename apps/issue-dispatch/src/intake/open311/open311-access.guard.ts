import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { GridTree } from '@gridline/grid-replica';
import { Open311Errors } from './open311-errors';
import { INTAKE_CONFIG, IntakeConfig } from '../intake-config';
import { Open311ApiKey } from './open311-api-key.entity';
import { Open311ApiKeys } from './open311-api-keys';
import { Open311RateLimiter } from './open311-rate-limiter';

const WITHOUT_JURISDICTION = 'gridline:open311-without-jurisdiction';
/** Marks the one Open311 route that names no district (discovery). */
export const Open311WithoutJurisdiction = () => SetMetadata(WITHOUT_JURISDICTION, true);

export type Open311Request = Request & { open311App?: Open311ApiKey };

const jurisdictionPattern = /^[a-z0-9][a-z0-9-]{1,39}$/;
const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Civic apps carry no Gridline token, so the Open311 routes are public to the token guard and pass this one
 * instead (docs/adr/0013-open311-intake.md): a presented API key is looked up (by hash); the request counts
 * against its key's rate, or its client address's without one; the jurisdiction must be a known district
 * (404 otherwise); and a POST needs a live key issued by that very district (403 otherwise).
 */
@Injectable()
export class Open311AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: Open311ApiKeys,
    private readonly limiter: Open311RateLimiter,
    private readonly grids: GridTree,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Open311Request>();
    const posting = request.method === 'POST';
    const input = (posting ? request.body : request.query) as Record<string, unknown> | undefined;
    const presented = single(input?.api_key) ?? single(request.query?.api_key);
    const app = presented ? await this.keys.findActive(presented) : null;

    const rates = this.config.open311RatePerMinute;
    const decision = app
      ? await this.limiter.consume(`key:${app.id}`, rates.perKey)
      : await this.limiter.consume(`ip:${request.ip ?? 'unknown'}`, rates.anonymous);
    if (!decision.allowed) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(decision.retryAfterSeconds));
      throw Open311Errors.RATE_LIMITED(decision.retryAfterSeconds, app !== null);
    }

    if (this.reflector.get<boolean>(WITHOUT_JURISDICTION, context.getHandler())) return true;
    const jurisdiction = single(input?.jurisdiction_id);
    // A missing or malformed jurisdiction_id is the validation pipe's 400, which runs next.
    if (
      jurisdiction !== undefined &&
      jurisdictionPattern.test(jurisdiction) &&
      !(await this.grids.tenant(jurisdiction))
    ) {
      throw Open311Errors.UNKNOWN_JURISDICTION(jurisdiction);
    }
    if (posting) {
      if (!presented) throw Open311Errors.API_KEY_REQUIRED();
      if (!app) throw Open311Errors.API_KEY_INVALID();
      if (jurisdiction !== undefined && app.tenantId !== jurisdiction)
        throw Open311Errors.API_KEY_WRONG_JURISDICTION(jurisdiction);
    }
    request.open311App = app ?? undefined;
    return true;
  }
}
