import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { gridlineMetrics, refreshAtMostEvery } from '@gridline/platform';

/**
 * A full count: a few milliseconds at thousands of timers, ~0.1 s at the 1,000,000 of the bench (ADR 0014),
 * hence at most once per 5 s. The due count walks the (due_at) index over the due rows only.
 */
const TIMERS_SQL = `
  SELECT count(*)::float8 AS pending,
         count(*) FILTER (WHERE due_at <= clock_timestamp())::float8 AS due
    FROM durable_timers`;
const TIMERS_MAX_AGE_MS = 5_000;

/** Timers pending and due, refreshed when /metrics is scraped; lag is recorded as each timer fires (TimerPoller). */
@Injectable()
export class TimerMetrics implements OnModuleInit, OnApplicationShutdown {
  private remove: (() => void) | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.remove = gridlineMetrics.refreshOnScrape(
      'timers',
      refreshAtMostEvery(TIMERS_MAX_AGE_MS, async () => {
        const [row]: Array<{ pending: number; due: number }> = await this.dataSource.query(TIMERS_SQL);
        gridlineMetrics.timersPending.set(row.pending);
        gridlineMetrics.timersDue.set(row.due);
      }),
    );
  }

  onApplicationShutdown(): void {
    this.remove?.();
  }
}
