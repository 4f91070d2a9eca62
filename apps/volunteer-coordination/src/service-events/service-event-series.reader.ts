import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetPage, KeysetOrder } from '../http/keyset-page';
import { PageQuery } from '../http/page-query';
import { ServiceEventErrors } from './service-event-errors';
import { ServiceEventSeries } from './service-event-series.entity';
import { ServiceEventSeriesPage, ServiceEventSeriesView, toSeriesView } from './service-event.views';

const oldestSeriesFirst: KeysetOrder = {
  property: 'createdAt',
  column: 'created_at',
  table: 'service_event_series',
  direction: 'ASC',
};

/** A district's recurring service events as they were set up; their occurrences are ServiceOccurrencesReader's. */
@Injectable()
export class ServiceEventSeriesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, keyset-paged on (created at, id). */
  async page(tenantId: string, page: PageQuery): Promise<ServiceEventSeriesPage> {
    const query = this.dataSource.manager
      .createQueryBuilder(ServiceEventSeries, 's')
      .where('s.tenantId = :tenantId', { tenantId });
    const { items, next } = await keysetPage(query, oldestSeriesFirst, tenantId, page);
    return { items: items.map(toSeriesView), next };
  }

  async get(tenantId: string, seriesId: string): Promise<ServiceEventSeriesView> {
    const series = await this.dataSource.manager.findOneBy(ServiceEventSeries, { tenantId, id: seriesId });
    if (!series) throw ServiceEventErrors.SERIES_NOT_FOUND(tenantId, seriesId);
    return toSeriesView(series);
  }
}
