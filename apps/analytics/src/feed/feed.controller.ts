import { applyDecorators, Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { districtRouteErrors, GridTree } from '@gridline/grid-replica';
import { ApiErrors, cityRouteErrors, Permit } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { OpenFeedQuery } from './use-cases/open-feed/open-feed.dto';
import { OpenFeedUseCase } from './use-cases/open-feed/open-feed.use-case';

const streamDescription =
  'Server-Sent Events (text/event-stream). One message per dispatch, escalation, acknowledgement, closing and overdue case: ' +
  '`id:` the CloudEvent id (`overdue:<issueId>:<deadline>` for an overdue notice), `event:` dispatched | escalated | acknowledged | closed | overdue, ' +
  '`data:` JSON {id, event, tenantId, issueId, category, state, level, gridId, depth, critical, deadline, reason, at}, no personal data. ' +
  'A `: heartbeat` comment every ANALYTICS_FEED_HEARTBEAT_SECONDS. Reconnect with Last-Event-ID to get what was missed (up to ANALYTICS_FEED_REPLAY_SIZE messages).';

/** OpenAPI for a stream route: text/event-stream, described message by message. */
const EventStream = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary, description: streamDescription }),
    ApiProduces('text/event-stream'),
    ApiResponse({
      status: 200,
      description: streamDescription,
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    }),
  );

@ApiTags('feed')
@Controller('v1')
export class FeedController {
  constructor(
    private readonly openFeed: OpenFeedUseCase,
    private readonly grids: GridTree,
  ) {}

  @Get('tenants/:tenantId/feed')
  @Permit('district-staff')
  @EventStream("The dispatch centre's live feed of one district")
  @ApiErrors(...districtRouteErrors)
  async district(
    @Param() { tenantId }: TenantParams,
    @Query() query: OpenFeedQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await this.grids.requireTenant(tenantId);
    await this.openFeed.execute(tenantId, lastEventId ?? query.lastEventId ?? null, response);
  }

  @Get('city/feed')
  @Permit('city')
  @EventStream('The live feed of every district, for the city centre')
  @ApiErrors(...cityRouteErrors)
  async city(
    @Query() query: OpenFeedQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await this.openFeed.execute(null, lastEventId ?? query.lastEventId ?? null, response);
  }
}
