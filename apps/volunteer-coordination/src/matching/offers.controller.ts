import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CorrelationId,
  CurrentIdentity,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { HoursErrors } from '../hours/hours-errors';
import { TenantOfferParams, TenantParams } from '../http/path-params';
import { MatchingErrors } from './matching-errors';
import { OffersReader } from './offers.reader';
import { ListOffersQuery, TaskOfferPage, TaskOfferView, toTaskOfferView } from './task-offer.dto';
import { DeclineOfferDto } from './use-cases/answer-offer/answer-offer.dto';
import { AnswerOfferUseCase } from './use-cases/answer-offer/answer-offer.use-case';
import { CompleteTaskDto } from './use-cases/record-task-progress/record-task-progress.dto';
import { RecordTaskProgressUseCase } from './use-cases/record-task-progress/record-task-progress.use-case';

/** What a step of an offer may answer: who may take it (the volunteer or the grid) and whether the offer is at it. */
const offerStepErrors = [
  ...tenantRouteErrors,
  PlatformErrors.OUTSIDE_YOUR_GRID,
  MatchingErrors.OFFER_NOT_FOUND,
  MatchingErrors.ILLEGAL_TRANSITION,
] as const;

@ApiTags('offers')
@ApiHeader({ name: 'X-Correlation-Id', required: false })
@Controller('v1/tenants/:tenantId/offers')
export class OffersController {
  constructor(
    private readonly reader: OffersReader,
    private readonly answerOffer: AnswerOfferUseCase,
    private readonly recordProgress: RecordTaskProgressUseCase,
  ) {}

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'Task offers made to volunteers, oldest first; filter by issue, task, volunteer or status' })
  @ApiOkResponse({ type: TaskOfferPage })
  @ApiErrors(...tenantRouteErrors)
  list(@Param() { tenantId }: TenantParams, @Query() query: ListOffersQuery): Promise<TaskOfferPage> {
    return this.reader.page(tenantId, query);
  }

  @Get(':offerId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'One offer and where it stands' })
  @ApiOkResponse({ type: TaskOfferView })
  @ApiErrors(...tenantRouteErrors, MatchingErrors.OFFER_NOT_FOUND)
  get(@Param() { tenantId, offerId }: TenantOfferParams): Promise<TaskOfferView> {
    return this.reader.get(tenantId, offerId);
  }

  @Post(':offerId/accept')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: 'Accept an offer: the volunteer is assigned (409 ILLEGAL_TRANSITION once answered or lapsed)',
  })
  @ApiOkResponse({ type: TaskOfferView })
  @ApiErrors(...offerStepErrors)
  async accept(
    @Param() { tenantId, offerId }: TenantOfferParams,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
  ): Promise<TaskOfferView> {
    return toTaskOfferView(
      await this.answerOffer.execute({ tenantId, offerId, answer: 'accept', identity, correlationId }),
    );
  }

  @Post(':offerId/decline')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'Decline an offer: the next candidate in rank is asked' })
  @ApiOkResponse({ type: TaskOfferView })
  @ApiErrors(...offerStepErrors)
  async decline(
    @Param() { tenantId, offerId }: TenantOfferParams,
    @Body() body: DeclineOfferDto,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
  ): Promise<TaskOfferView> {
    return toTaskOfferView(
      await this.answerOffer.execute({
        tenantId,
        offerId,
        answer: 'decline',
        reason: body.reason,
        identity,
        correlationId,
      }),
    );
  }

  @Post(':offerId/check-in')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'The assigned volunteer arrived' })
  @ApiOkResponse({ type: TaskOfferView })
  @ApiErrors(...offerStepErrors)
  async checkIn(
    @Param() { tenantId, offerId }: TenantOfferParams,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
  ): Promise<TaskOfferView> {
    return toTaskOfferView(
      await this.recordProgress.execute({ tenantId, offerId, step: 'check-in', identity, correlationId }),
    );
  }

  @Post(':offerId/check-out')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'The assigned volunteer left' })
  @ApiOkResponse({ type: TaskOfferView })
  @ApiErrors(...offerStepErrors)
  async checkOut(
    @Param() { tenantId, offerId }: TenantOfferParams,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
  ): Promise<TaskOfferView> {
    return toTaskOfferView(
      await this.recordProgress.execute({ tenantId, offerId, step: 'check-out', identity, correlationId }),
    );
  }

  @Post(':offerId/complete')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The grid confirms the volunteer's task: hours are credited to the ledger" })
  @ApiOkResponse({ type: TaskOfferView })
  @ApiErrors(...offerStepErrors, HoursErrors.INVALID_HOURS)
  async complete(
    @Param() { tenantId, offerId }: TenantOfferParams,
    @Body() body: CompleteTaskDto,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
  ): Promise<TaskOfferView> {
    return toTaskOfferView(
      await this.recordProgress.execute({
        tenantId,
        offerId,
        step: 'complete',
        hours: body.hours,
        identity,
        correlationId,
      }),
    );
  }
}
