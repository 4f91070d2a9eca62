import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformErrors } from '@gridline/platform';
import { keysetPage, KeysetOrder } from '../http/keyset-page';
import { OccurrenceAccess } from './occurrence-access';
import { ListOccurrencesQuery } from './service-event.params';
import { ServiceOccurrencePage, ServiceOccurrenceView, toOccurrenceView } from './service-event.views';
import { OccurrencePool, ServiceOccurrence } from './service-occurrence.entity';

const soonestFirst: KeysetOrder = {
  property: 'startsAt',
  column: 'starts_at',
  table: 'service_occurrences',
  direction: 'ASC',
};

/**
 * A district's service-event occurrences with their slots and shifts, as residents and staff see them.
 * Only reads: the use cases that change occurrences and their places do so in locked transactions.
 */
@Injectable()
export class ServiceOccurrencesReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OccurrenceAccess,
  ) {}

  /** Soonest first from `from` (default now), keyset-paged on (start, id); pools are loaded for the page only. */
  async page(tenantId: string, filter: ListOccurrencesQuery): Promise<ServiceOccurrencePage> {
    const { seriesId, from, to } = filter;
    const start = from ? new Date(from) : new Date();
    if (to !== undefined && new Date(to) <= start)
      throw PlatformErrors.VALIDATION_FAILED([{ field: 'to', reason: 'to must be later than from' }]);
    const query = this.dataSource.manager
      .createQueryBuilder(ServiceOccurrence, 'o')
      .where('o.tenantId = :tenantId', { tenantId })
      .andWhere('o.startsAt >= :from', { from: start });
    if (to !== undefined) query.andWhere('o.startsAt < :to', { to: new Date(to) });
    if (seriesId !== undefined) query.andWhere('o.seriesId = :seriesId', { seriesId });
    const { items, next } = await keysetPage(query, soonestFirst, tenantId, filter);
    const pools =
      items.length === 0
        ? []
        : await this.dataSource.manager
            .createQueryBuilder(OccurrencePool, 'p')
            .where('p.tenantId = :tenantId AND p.occurrenceId IN (:...ids)', { tenantId, ids: items.map((o) => o.id) })
            .orderBy('p.role')
            .addOrderBy('p.name')
            .getMany();
    return {
      items: items.map((o) => toOccurrenceView(o, pools)),
      next,
    };
  }

  async get(tenantId: string, occurrenceId: string): Promise<ServiceOccurrenceView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    const pools = await this.dataSource.manager.find(OccurrencePool, {
      where: { tenantId, occurrenceId },
      order: { role: 'ASC', name: 'ASC' },
    });
    return toOccurrenceView(occurrence, pools);
  }
}
