import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE } from '../http/page-query';
import { toCsv } from './domain/csv-export';
import { hoursOfMinutes } from './domain/service-minutes';
import { HoursEntry } from './hours-entry.entity';
import { DEFAULT_TIME_ZONE } from '../volunteers/domain/local-time';
import { HoursFilterQuery, HoursTotalsQuery, hoursWhere } from './hours-query';
import { HoursEntryPage, HoursTotalsView, toHoursEntryView } from './hours-views';

const EXPORT_LIMIT = 100_000;
const groupColumn = { volunteer: 'e.volunteer_id', team: 'e.team_id', grid: 'e.grid_id' } as const;

/**
 * Read side of the hours ledger: pages of entries, totals and the CSV export, all filtered by one `hoursWhere`.
 * Separate from HoursLedger, which credits hours inside its callers' transactions; reads need none of that.
 */
@Injectable()
export class HoursReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keyset-paged on (occurred at, id): ids first, so the page of entities is loaded by primary key. */
  async entries(tenantId: string, query: HoursFilterQuery): Promise<HoursEntryPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { where, params } = hoursWhere(tenantId, query);
    const after =
      query.after === undefined
        ? ''
        : `AND (e.occurred_at, e.id) > (SELECT c.occurred_at, c.id FROM hours_entries c WHERE c.tenant_id = $1 AND c.id = $${params.length + 1})`;
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT e.id FROM hours_entries e WHERE ${where} ${after} ORDER BY e.occurred_at, e.id LIMIT ${limit + 1}`,
      query.after === undefined ? params : [...params, query.after],
    );
    const page = ids.slice(0, limit).map((row) => row.id);
    const rows =
      page.length === 0
        ? []
        : await this.dataSource.manager.find(HoursEntry, { where: page.map((id) => ({ tenantId, id })) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      items: page.map((id) => toHoursEntryView(byId.get(id)!)),
      next: ids.length > limit ? page[page.length - 1] : null,
    };
  }

  async totals(tenantId: string, query: HoursTotalsQuery): Promise<HoursTotalsView> {
    const by = query.by ?? 'volunteer';
    const { where, params } = hoursWhere(tenantId, query);
    const rows: Array<{ key: string | null; minutes: number; entries: number }> = await this.dataSource.query(
      `SELECT ${groupColumn[by]}::text AS key, sum(e.minutes)::int AS minutes, count(*)::int AS entries
         FROM hours_entries e WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    );
    const totals = rows.map((row) => ({ key: row.key, hours: hoursOfMinutes(row.minutes), entries: row.entries }));
    return {
      by,
      from: query.from ?? null,
      to: query.to ?? null,
      totals,
      hours: hoursOfMinutes(rows.reduce((sum, row) => sum + row.minutes, 0)),
    };
  }

  /** The filtered ledger as CSV text with a header row, capped so one request cannot hold the whole table. */
  async csv(tenantId: string, query: HoursFilterQuery): Promise<string> {
    const { where, params } = hoursWhere(tenantId, query);
    // The local time in the zone whose days the period names, so a row's date matches the filter that chose it.
    const zone = `$${params.length + 1}`;
    const rows: Array<Record<string, string | number | null>> = await this.dataSource.query(
      `SELECT e.id, to_char(e.occurred_at AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI') AS occurred, e.volunteer_id, v.name, t.name AS team,
              e.grid_id, e.kind, e.minutes, e.task_id, e.issue_id, e.corrects_entry_id, e.reason, e.recorded_by
         FROM hours_entries e JOIN volunteers v ON v.id = e.volunteer_id AND v.tenant_id = e.tenant_id
         LEFT JOIN teams t ON t.id = e.team_id AND t.tenant_id = e.tenant_id
        WHERE ${where} ORDER BY e.occurred_at, e.recorded_at, e.id LIMIT ${EXPORT_LIMIT}`,
      [...params, query.timeZone ?? DEFAULT_TIME_ZONE],
    );
    return toCsv(
      [
        'entry_id',
        'occurred_at_local',
        'volunteer_id',
        'volunteer_name',
        'team',
        'grid_id',
        'kind',
        'hours',
        'task_id',
        'issue_id',
        'corrects_entry_id',
        'reason',
        'recorded_by',
      ],
      rows.map((r) => [
        r.id,
        r.occurred,
        r.volunteer_id,
        r.name,
        r.team,
        r.grid_id,
        r.kind,
        hoursOfMinutes(Number(r.minutes)),
        r.task_id,
        r.issue_id,
        r.corrects_entry_id,
        r.reason,
        r.recorded_by,
      ]),
    );
  }
}
