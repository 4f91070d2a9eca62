import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Req,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CorrelationId, idempotencyRouteErrors, PlatformErrors, Public } from '@gridline/platform';
import { IssueErrors } from '../../issues/issue-errors';
import { Open311AccessGuard, Open311Request, Open311WithoutJurisdiction } from './open311-access.guard';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311ApiErrors, Open311Errors } from './open311-errors';
import { Open311Document, Open311FormatInterceptor } from './open311-format.interceptor';
import { Open311ServicesReader } from './open311-services.reader';
import {
  JurisdictionQuery,
  Open311Discovery,
  Open311Service,
  Open311ServiceDefinition,
  ServiceCodeParams,
} from './open311.dto';
import {
  ListServiceRequestsQuery,
  Open311ServiceRequestView,
  RequestIdParams,
} from './use-cases/list-service-requests/list-service-requests.dto';
import { ListServiceRequestsUseCase } from './use-cases/list-service-requests/list-service-requests.use-case';
import {
  PostServiceRequestDto,
  PostedServiceRequestView,
} from './use-cases/post-service-request/post-service-request.dto';
import { PostServiceRequestUseCase } from './use-cases/post-service-request/post-service-request.use-case';

/** What every Open311 route with a jurisdiction may answer: a malformed query, an unknown district, the rate limit. */
const open311ReadErrors = [
  PlatformErrors.VALIDATION_FAILED,
  Open311Errors.UNKNOWN_JURISDICTION,
  Open311Errors.RATE_LIMITED,
];

export const OPEN311_BASE = 'open311/v2';
/** When this implementation of the API last changed (Open311 discovery's `changeset`). */
const CHANGESET = '2026-12-01T00:00:00Z';

/**
 * Open311 GeoReport v2 for civic apps that cannot carry our tokens: `jurisdiction_id` is the district. Every
 * route answers in JSON (`….json`) or in the specification's XML (`….xml`, same path otherwise). Public to the
 * token guard; Open311AccessGuard applies API keys and rate limits instead, and every error is Open311's
 * `[{ code, description }]` (`<errors><error>…` in XML). docs/adr/0013-open311-intake.md.
 */
@Public()
@ApiTags('open311')
@Controller(OPEN311_BASE)
@UseGuards(Open311AccessGuard)
@UseFilters(Open311ErrorFilter)
@UseInterceptors(Open311FormatInterceptor)
export class Open311Controller {
  constructor(
    private readonly servicesReader: Open311ServicesReader,
    private readonly postRequest: PostServiceRequestUseCase,
    private readonly requests: ListServiceRequestsUseCase,
  ) {}

  @Get(['discovery.json', 'discovery.xml'])
  @Open311Document('discovery')
  @Open311WithoutJurisdiction()
  @ApiOperation({
    summary: 'Open311 service discovery: where the GeoReport v2 endpoint is and which formats it speaks',
  })
  @ApiOkResponse({ type: Open311Discovery })
  @Open311ApiErrors(Open311Errors.RATE_LIMITED)
  discovery(@Req() request: Request): Open311Discovery {
    return {
      changeset: CHANGESET,
      contact: "Your district's dispatch centre (数字城管指挥中心).",
      key_service:
        'API keys are issued by each district administrator: POST /v1/tenants/{jurisdiction_id}/open311/api-keys.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${request.protocol}://${request.get('host') ?? 'localhost'}/${OPEN311_BASE}`,
          changeset: CHANGESET,
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    };
  }

  @Get(['services.json', 'services.xml'])
  @Open311Document('services')
  @ApiOperation({ summary: "The district's services (its issue categories)" })
  @ApiOkResponse({ type: [Open311Service] })
  @Open311ApiErrors(...open311ReadErrors)
  services(@Query() { jurisdiction_id }: JurisdictionQuery): Promise<Open311Service[]> {
    return this.servicesReader.services(jurisdiction_id);
  }

  @Get(['services/:code.json', 'services/:code.xml'])
  @Open311Document('service_definition')
  @ApiOperation({ summary: 'A service definition: the attributes (extra questions) a request may answer' })
  @ApiOkResponse({ type: Open311ServiceDefinition })
  @Open311ApiErrors(...open311ReadErrors, Open311Errors.UNKNOWN_SERVICE_CODE)
  definition(
    @Param() { code }: ServiceCodeParams,
    @Query() { jurisdiction_id }: JurisdictionQuery,
  ): Promise<Open311ServiceDefinition> {
    return this.servicesReader.definition(jurisdiction_id, code);
  }

  @Post(['requests.json', 'requests.xml'])
  @Open311Document('service_requests')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary:
      'Report a problem from a civic app (needs the api_key the district issued); routed and dispatched like any report',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key create one request.' })
  @ApiCreatedResponse({ type: [PostedServiceRequestView] })
  @Open311ApiErrors(
    ...open311ReadErrors,
    Open311Errors.API_KEY_REQUIRED,
    Open311Errors.API_KEY_INVALID,
    Open311Errors.API_KEY_WRONG_JURISDICTION,
    Open311Errors.UNKNOWN_SERVICE_CODE,
    IssueErrors.LOCATION_NOT_IN_DISTRICT,
    ...idempotencyRouteErrors,
  )
  post(
    @Body() form: PostServiceRequestDto,
    @Req() request: Open311Request,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<PostedServiceRequestView[]> {
    // The guard refuses a POST without a live key of this jurisdiction, so the app is always set here.
    const app = request.open311App as NonNullable<Open311Request['open311App']>;
    return this.postRequest.execute({ form, app, idempotencyKey, correlationId });
  }

  @Get(['requests.json', 'requests.xml'])
  @Open311Document('service_requests')
  @ApiOperation({
    summary:
      "The district's requests (public fields; never the reporter's contact), newest first, at most 1000; default the last 90 days",
  })
  @ApiOkResponse({ type: [Open311ServiceRequestView] })
  @Open311ApiErrors(...open311ReadErrors)
  list(@Query() query: ListServiceRequestsQuery): Promise<Open311ServiceRequestView[]> {
    return this.requests.list(query);
  }

  @Get(['requests/:id.json', 'requests/:id.xml'])
  @Open311Document('service_requests')
  @ApiOperation({ summary: 'One request (public fields), as a one-element list' })
  @ApiOkResponse({ type: [Open311ServiceRequestView] })
  @Open311ApiErrors(...open311ReadErrors, Open311Errors.REQUEST_NOT_FOUND)
  one(
    @Param() { id }: RequestIdParams,
    @Query() { jurisdiction_id }: JurisdictionQuery,
  ): Promise<Open311ServiceRequestView[]> {
    return this.requests.one(jurisdiction_id, id);
  }
}
