import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetPage, KeysetOrder } from '../http/keyset-page';
import { MatchingErrors } from './matching-errors';
import { TaskOffer } from './task-offer.entity';
import { ListOffersQuery, TaskOfferPage, TaskOfferView, toTaskOfferView } from './task-offer.dto';

const oldestOfferFirst: KeysetOrder = {
  property: 'offeredAt',
  column: 'offered_at',
  table: 'task_offers',
  direction: 'ASC',
};

/** Read side of the task offers made to volunteers; answering and progress go through their use cases. */
@Injectable()
export class OffersReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, keyset-paged on (offered at, id), filtered by issue, volunteer, task and status. */
  async page(tenantId: string, filter: ListOffersQuery): Promise<TaskOfferPage> {
    const { issueId, volunteerId, taskId, status } = filter;
    const query = this.dataSource.manager
      .createQueryBuilder(TaskOffer, 'o')
      .where('o.tenantId = :tenantId', { tenantId });
    if (issueId !== undefined) query.andWhere('o.issueId = :issueId', { issueId });
    if (volunteerId !== undefined) query.andWhere('o.volunteerId = :volunteerId', { volunteerId });
    if (taskId !== undefined) query.andWhere('o.taskId = :taskId', { taskId });
    if (status !== undefined) query.andWhere('o.status = :status', { status });
    const { items, next } = await keysetPage(query, oldestOfferFirst, tenantId, filter);
    return { items: items.map(toTaskOfferView), next };
  }

  async get(tenantId: string, offerId: string): Promise<TaskOfferView> {
    const offer = await this.dataSource.manager.findOneBy(TaskOffer, { tenantId, id: offerId });
    if (!offer) throw MatchingErrors.OFFER_NOT_FOUND(tenantId, offerId);
    return toTaskOfferView(offer);
  }
}
