import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CorrelationId, CurrentIdentity, Identity, Permit } from '@gridline/platform';
import { DEFAULT_PAGE_SIZE } from '../http/page-query';
import { TenantParams } from '../http/path-params';
import { toCsv } from './domain/csv-export';
import { hoursOfMinutes } from './domain/service-minutes';
import { HoursEntry } from './hours-entry.entity';
import { HoursFilterQuery, HoursTotalsQuery, hoursWhere } from './hours-query';
import { HoursEntryPage, HoursEntryView, HoursTotalsView, toHoursEntryView } from './hours-views';
import { CorrectHoursDto } from './use-cases/correct-hours/correct-hours.dto';
import { CorrectHoursUseCase } from './use-cases/correct-hours/correct-hours.use-case';

const EXPORT_LIMIT = 100_000;
const groupColumn = { volunteer: 'e.volunteer_id', team: 'e.team_id', grid: 'e.grid_id' } as const;

@ApiTags('hours')
@Controller('v1/tenants/:tenantId/hours')
export class HoursController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly correctHours: CorrectHoursUseCase,
  ) {}

  @Post('corrections')
  @Permit('district-staff')
  @ApiOperation({ summary: 'Book a correction: a new entry with a reason (entries are never edited); 422 CORRECTION_NOT_ALLOWED below zero' })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: HoursEntryView })
  async correct(@Param() { tenantId }: TenantParams, @Body() body: CorrectHoursDto, @CurrentIdentity() identity: Identity, @CorrelationId() correlationId: string): Promise<HoursEntryView> {
    return toHoursEntryView(await this.correctHours.execute(tenantId, body, identity.subject, correlationId));
  }

  @Get('entries')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'Ledger entries, oldest first; filter by period, volunteer, team or grid (with the grids below it)' })
  @ApiOkResponse({ type: HoursEntryPage })
  async entries(@Param() { tenantId }: TenantParams, @Query() query: HoursFilterQuery): Promise<HoursEntryPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { where, params } = hoursWhere(tenantId, query);
    const after = query.after === undefined ? '' : `AND (e.occurred_at, e.id) > (SELECT c.occurred_at, c.id FROM hours_entries c WHERE c.tenant_id = $1 AND c.id = $${params.length + 1})`;
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT e.id FROM hours_entries e WHERE ${where} ${after} ORDER BY e.occurred_at, e.id LIMIT ${limit + 1}`,
      query.after === undefined ? params : [...params, query.after],
    );
    const page = ids.slice(0, limit).map((row) => row.id);
    const rows = page.length === 0 ? [] : await this.dataSource.manager.find(HoursEntry, { where: page.map((id) => ({ tenantId, id })) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { items: page.map((id) => toHoursEntryView(byId.get(id)!)), next: ids.length > limit ? page[page.length - 1] : null };
  }

  @Get('totals')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'Total hours by volunteer, team or grid over a period (corrections included)' })
  @ApiOkResponse({ type: HoursTotalsView })
  async totals(@Param() { tenantId }: TenantParams, @Query() query: HoursTotalsQuery): Promise<HoursTotalsView> {
    const by = query.by ?? 'volunteer';
    const { where, params } = hoursWhere(tenantId, query);
    const rows: Array<{ key: string | null; minutes: number; entries: number }> = await this.dataSource.query(
      `SELECT ${groupColumn[by]}::text AS key, sum(e.minutes)::int AS minutes, count(*)::int AS entries
         FROM hours_entries e WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    );
    const totals = rows.map((row) => ({ key: row.key, hours: hoursOfMinutes(row.minutes), entries: row.entries }));
    return { by, from: query.from ?? null, to: query.to ?? null, totals, hours: hoursOfMinutes(rows.reduce((sum, row) => sum + row.minutes, 0)) };
  }

  @Get('export')
  @Permit('district-staff')
  @ApiOperation({ summary: 'The ledger (filtered like /entries) as CSV, for spreadsheets; at most 100,000 entries' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8, with a header row' })
  async export(@Param() { tenantId }: TenantParams, @Query() query: HoursFilterQuery, @Res() response: Response): Promise<void> {
    const { where, params } = hoursWhere(tenantId, query);
    const rows: Array<Record<string, string | number | null>> = await this.dataSource.query(
      `SELECT e.id, to_char(e.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS occurred, e.volunteer_id, v.name, t.name AS team,
              e.grid_id, e.kind, e.minutes, e.task_id, e.issue_id, e.corrects_entry_id, e.reason, e.recorded_by
         FROM hours_entries e JOIN volunteers v ON v.id = e.volunteer_id AND v.tenant_id = e.tenant_id
         LEFT JOIN teams t ON t.id = e.team_id AND t.tenant_id = e.tenant_id
        WHERE ${where} ORDER BY e.occurred_at, e.recorded_at, e.id LIMIT ${EXPORT_LIMIT}`,
      params,
    );
    const csv = toCsv(
      ['entry_id', 'occurred_at_local', 'volunteer_id', 'volunteer_name', 'team', 'grid_id', 'kind', 'hours', 'task_id', 'issue_id', 'corrects_entry_id', 'reason', 'recorded_by'],
      rows.map((r) => [r.id, r.occurred, r.volunteer_id, r.name, r.team, r.grid_id, r.kind, hoursOfMinutes(Number(r.minutes)), r.task_id, r.issue_id, r.corrects_entry_id, r.reason, r.recorded_by]),
    );
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="hours-${tenantId}.csv"`)
      .send(csv);
  }
}
