import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@gridline/platform';
import { keysetPage, KeysetOrder } from '../http/keyset-page';
import { PageQuery } from '../http/page-query';
import { toLoanView, ToolLoanPage, ToolPage, toToolView } from './tool-room.dto';
import { ToolRoomAccess } from './tool-room-access';
import { ListLoansQuery } from './tool-room.params';
import { Tool, ToolLoan } from './tool.entity';

const oldestToolFirst: KeysetOrder = { property: 'addedAt', column: 'added_at', table: 'tools', direction: 'ASC' };
const newestLoanFirst: KeysetOrder = { property: 'lentAt', column: 'lent_at', table: 'tool_loans', direction: 'DESC' };

/** Read side of one community's tool room: its inventory and, for its keepers, its loans. */
@Injectable()
export class ToolRoomReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ToolRoomAccess,
  ) {}

  /** The inventory, oldest first, keyset-paged on (added at, id). */
  async tools(tenantId: string, gridId: string, page: PageQuery): Promise<ToolPage> {
    await this.access.assertToolRoom(tenantId, gridId);
    const query = this.dataSource.manager
      .createQueryBuilder(Tool, 't')
      .where('t.tenantId = :tenantId AND t.gridId = :gridId', { tenantId, gridId });
    const { items, next } = await keysetPage(query, oldestToolFirst, tenantId, page);
    return { items: items.map(toToolView), next };
  }

  /** The loans, newest first, keyset-paged on (lent at, id); keepers of the tool room only. */
  async loans(tenantId: string, gridId: string, filter: ListLoansQuery, identity: Identity): Promise<ToolLoanPage> {
    await this.access.assertToolRoom(tenantId, gridId);
    await this.access.assertKeeper(identity, tenantId, gridId);
    const query = this.dataSource.manager
      .createQueryBuilder(ToolLoan, 'l')
      .where('l.tenantId = :tenantId AND l.gridId = :gridId', { tenantId, gridId });
    if (filter.open === true) query.andWhere('l.returnedAt IS NULL');
    if (filter.open === false) query.andWhere('l.returnedAt IS NOT NULL');
    const { items, next } = await keysetPage(query, newestLoanFirst, tenantId, filter);
    return { items: items.map(toLoanView), next };
  }
}
