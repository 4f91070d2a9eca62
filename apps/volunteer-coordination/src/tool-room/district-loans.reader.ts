import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';

import { pageOf } from '../http/keyset-page';
import { DEFAULT_PAGE_SIZE } from '../http/page-query';
import { DistrictLoansQuery } from './district-loans.query';
import { DistrictLoanPage } from './district-loans.view';

interface LoanRow {
  id: string;
  grid_id: string;
  borrower_name: string | null;
  due_at: Date;
  tool_id: string;
  tool_name: string;
  tool_kind: string;
}

/**
 * The loans not yet returned across every tool room of a district, earliest due first, keyset-paged on
 * (due time, loan id) over the partial index of open loans.
 */
@Injectable()
export class DistrictLoansReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  async page(
    tenantId: string,
    { overdue, limit = DEFAULT_PAGE_SIZE, after }: DistrictLoansQuery,
    now: Date = new Date(),
  ): Promise<DistrictLoanPage> {
    await this.grids.requireTenant(tenantId);
    const params: unknown[] = [tenantId];
    const where = ['l.tenant_id = $1', 'l.returned_at IS NULL'];
    if (overdue !== undefined) {
      params.push(now);
      where.push(`l.due_at ${overdue ? '<' : '>='} $${params.length}`);
    }
    if (after !== undefined) {
      params.push(after);
      where.push(
        `(l.due_at, l.id) > (SELECT c.due_at, c.id FROM tool_loans c WHERE c.tenant_id = $1 AND c.id = $${params.length})`,
      );
    }
    params.push(limit + 1);
    const rows: LoanRow[] = await this.dataSource.query(
      `SELECT l.id, l.grid_id, l.borrower_name, l.due_at, t.id AS tool_id, t.name AS tool_name, t.kind AS tool_kind
         FROM tool_loans l JOIN tools t ON t.tenant_id = l.tenant_id AND t.id = l.tool_id
        WHERE ${where.join(' AND ')}
        ORDER BY l.due_at, l.id
        LIMIT $${params.length}`,
      params,
    );
    const { items, next } = pageOf(rows, limit);
    return {
      asOf: now.toISOString(),
      items: items.map((row) => ({
        loanId: row.id,
        tool: { id: row.tool_id, name: row.tool_name, kind: row.tool_kind },
        toolRoomGridId: row.grid_id,
        borrowerName: row.borrower_name,
        dueAt: new Date(row.due_at).toISOString(),
        overdueSeconds: Math.max(0, Math.floor((now.getTime() - new Date(row.due_at).getTime()) / 1000)),
      })),
      next,
    };
  }
}
