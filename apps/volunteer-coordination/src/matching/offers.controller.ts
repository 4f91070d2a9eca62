import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE } from '../http/page-query';
import { TenantParams } from '../http/path-params';
import { TaskOffer } from './task-offer.entity';
import { ListOffersQuery, TaskOfferPage, toTaskOfferView } from './task-offer.dto';
import { Permit } from '@gridline/platform';

@ApiTags('offers')
@Controller('v1/tenants/:tenantId/offers')
export class OffersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'Task offers made to volunteers, oldest first; filter by issue or volunteer' })
  @ApiOkResponse({ type: TaskOfferPage })
  async list(@Param() { tenantId }: TenantParams, @Query() { issueId, volunteerId, limit = DEFAULT_PAGE_SIZE, after }: ListOffersQuery): Promise<TaskOfferPage> {
    const query = this.dataSource.manager
      .createQueryBuilder(TaskOffer, 'o')
      .where('o.tenantId = :tenantId', { tenantId })
      .orderBy('o.offeredAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(limit + 1);
    if (issueId !== undefined) query.andWhere('o.issueId = :issueId', { issueId });
    if (volunteerId !== undefined) query.andWhere('o.volunteerId = :volunteerId', { volunteerId });
    if (after !== undefined) {
      query.andWhere(
        '(o.offered_at, o.id) > (SELECT c.offered_at, c.id FROM task_offers c WHERE c.tenant_id = :tenantId AND c.id = :after)',
        { after },
      );
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items: items.map(toTaskOfferView), next: rows.length > limit ? items[items.length - 1].id : null };
  }
}
