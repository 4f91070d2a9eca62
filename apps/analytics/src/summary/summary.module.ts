import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { SummaryController } from './summary.controller';
import { SummaryQueries } from './summary.queries';

/** A district's or the city's figures at a glance, counted over every projection table. */
@Module({
  imports: [GridReplicaModule],
  controllers: [SummaryController],
  providers: [SummaryQueries],
})
export class SummaryModule {}
