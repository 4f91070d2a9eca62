import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, CorrelationId, CurrentIdentity, Identity, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { HoursErrors } from './hours-errors';
import { HoursFilterQuery, HoursTotalsQuery } from './hours-query';
import { HoursEntryPage, HoursEntryView, HoursTotalsView, toHoursEntryView } from './hours-views';
import { HoursReader } from './hours.reader';
import { CorrectHoursDto } from './use-cases/correct-hours/correct-hours.dto';
import { CorrectHoursUseCase } from './use-cases/correct-hours/correct-hours.use-case';

@ApiTags('hours')
@Controller('v1/tenants/:tenantId/hours')
export class HoursController {
  constructor(
    private readonly hours: HoursReader,
    private readonly correctHours: CorrectHoursUseCase,
  ) {}

  @Post('corrections')
  @Permit('district-staff')
  @ApiOperation({
    summary:
      'Book a correction: a new entry with a reason (entries are never edited); 422 CORRECTION_NOT_ALLOWED below zero',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: HoursEntryView })
  @ApiErrors(
    ...tenantRouteErrors,
    HoursErrors.INVALID_HOURS,
    HoursErrors.UNKNOWN_VOLUNTEER,
    HoursErrors.UNKNOWN_ENTRY,
    HoursErrors.CORRECTION_NOT_ALLOWED,
  )
  async correct(
    @Param() { tenantId }: TenantParams,
    @Body() body: CorrectHoursDto,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
  ): Promise<HoursEntryView> {
    return toHoursEntryView(await this.correctHours.execute(tenantId, body, identity.subject, correlationId));
  }

  @Get('entries')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Ledger entries, oldest first; filter by period, volunteer, team or grid (with the grids below it)',
  })
  @ApiOkResponse({ type: HoursEntryPage })
  @ApiErrors(...tenantRouteErrors)
  entries(@Param() { tenantId }: TenantParams, @Query() query: HoursFilterQuery): Promise<HoursEntryPage> {
    return this.hours.entries(tenantId, query);
  }

  @Get('totals')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'Total hours by volunteer, team or grid over a period (corrections included)' })
  @ApiOkResponse({ type: HoursTotalsView })
  @ApiErrors(...tenantRouteErrors)
  totals(@Param() { tenantId }: TenantParams, @Query() query: HoursTotalsQuery): Promise<HoursTotalsView> {
    return this.hours.totals(tenantId, query);
  }

  @Get('export')
  @Permit('district-staff')
  @ApiOperation({ summary: 'The ledger (filtered like /entries) as CSV, for spreadsheets; at most 100,000 entries' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8, with a header row' })
  @ApiErrors(...tenantRouteErrors)
  async export(
    @Param() { tenantId }: TenantParams,
    @Query() query: HoursFilterQuery,
    @Res() response: Response,
  ): Promise<void> {
    const csv = await this.hours.csv(tenantId, query);
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="hours-${tenantId}.csv"`)
      .send(csv);
  }
}
