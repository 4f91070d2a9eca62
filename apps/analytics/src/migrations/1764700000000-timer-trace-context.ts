import { MigrationInterface, QueryRunner } from 'typeorm';
import { addDurableTimerTraceColumn, dropDurableTimerTraceColumn } from '@gridline/scheduling';

/** Timers remember the trace they were scheduled in, so their firing joins it (ADR 0029). */
export class TimerTraceContext1764700000000 implements MigrationInterface {
  name = 'TimerTraceContext1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addDurableTimerTraceColumn(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropDurableTimerTraceColumn(queryRunner);
  }
}
