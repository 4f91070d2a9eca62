import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { gridlineMetrics } from './gridline-metrics';

/** The pg Pool under TypeORM's postgres driver; counts are plain properties, so reading them costs nothing. */
interface PgPoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

@Injectable()
export class DatabasePoolMetrics implements OnModuleInit, OnApplicationShutdown {
  private remove: (() => void) | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.remove = gridlineMetrics.refreshOnScrape('database pool', async () => {
      const pool = (this.dataSource.driver as unknown as { master?: PgPoolCounts }).master;
      if (!pool) return;
      gridlineMetrics.dbPoolConnections.set({ state: 'total' }, pool.totalCount);
      gridlineMetrics.dbPoolConnections.set({ state: 'idle' }, pool.idleCount);
      gridlineMetrics.dbPoolConnections.set({ state: 'waiting' }, pool.waitingCount);
    });
  }

  onApplicationShutdown(): void {
    this.remove?.();
  }
}
