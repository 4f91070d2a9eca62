import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { addDays } from '@gridline/calendar';
import { IsCalendarDate, IsTimeZone, NotAfter } from '@gridline/platform';
import { PageQuery } from '../http/page-query';
import { DEFAULT_TIME_ZONE, localDayStart } from '../volunteers/domain/local-time';

/** Which ledger entries: a period of local dates and, optionally, one volunteer, team, or grid with everything below it. */
export class HoursFilterQuery extends PageQuery {
  @ApiPropertyOptional({
    example: '2026-06-01',
    description: 'First local date (in `timeZone`), inclusive; a real date, not after `to`.',
  })
  @IsOptional()
  @IsCalendarDate()
  @NotAfter('to')
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Last local date, inclusive; a real date.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    default: DEFAULT_TIME_ZONE,
    description: 'The IANA time zone whose days `from` and `to` name.',
  })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'A grid: its entries and those of every grid below it.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  gridId?: string;
}

export class HoursTotalsQuery extends HoursFilterQuery {
  @ApiPropertyOptional({ enum: ['volunteer', 'team', 'grid'], default: 'volunteer' })
  @IsOptional()
  @IsIn(['volunteer', 'team', 'grid'])
  by?: 'volunteer' | 'team' | 'grid';
}

/** The WHERE clause (over hours_entries aliased `e`) and its parameters; the tenant is always $1. */
export function hoursWhere(tenantId: string, q: HoursFilterQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [tenantId];
  const clauses = ['e.tenant_id = $1'];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(params.length));
  };
  const zone = q.timeZone ?? DEFAULT_TIME_ZONE;
  if (q.from !== undefined) add((n) => `e.occurred_at >= $${n}`, localDayStart(q.from, zone));
  // Up to the next local midnight, found on the calendar: a day with a daylight-saving change has 23 or 25 hours.
  if (q.to !== undefined) add((n) => `e.occurred_at < $${n}`, localDayStart(addDays(q.to, 1), zone));
  if (q.volunteerId !== undefined) add((n) => `e.volunteer_id = $${n}`, q.volunteerId);
  if (q.teamId !== undefined) add((n) => `e.team_id = $${n}`, q.teamId);
  if (q.gridId !== undefined) {
    add(
      (n) => `e.grid_id IN (WITH RECURSIVE below AS (
                SELECT grid_id, 0 AS depth FROM grid_replica WHERE tenant_id = $1 AND grid_id = $${n}
                UNION ALL SELECT g.grid_id, b.depth + 1 FROM grid_replica g JOIN below b ON g.parent_id = b.grid_id
                 WHERE g.tenant_id = $1 AND b.depth < 16) SELECT grid_id FROM below)`,
      q.gridId,
    );
  }
  return { where: clauses.join(' AND '), params };
}
