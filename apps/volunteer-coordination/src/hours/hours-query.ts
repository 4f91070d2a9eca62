import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, NotAfter } from '@gridline/platform';
import { PageQuery } from '../http/page-query';
import { localDayStart } from '../volunteers/domain/local-time';

/** Which ledger entries: a period of local dates and, optionally, one volunteer, team, or grid with everything below it. */
export class HoursFilterQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-06-01', description: 'First local date (Asia/Shanghai), inclusive; a real date, not after `to`.' })
  @IsOptional()
  @IsCalendarDate()
  @NotAfter('to')
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Last local date, inclusive; a real date.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

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
  if (q.from !== undefined) add((n) => `e.occurred_at >= $${n}`, localDayStart(q.from));
  if (q.to !== undefined) add((n) => `e.occurred_at < $${n}`, new Date(localDayStart(q.to).getTime() + 24 * 60 * 60 * 1000));
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
