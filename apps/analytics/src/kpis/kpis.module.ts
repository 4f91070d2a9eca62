import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { KpisController } from './kpis.controller';
import { BreakDownKpisUseCase } from './use-cases/break-down-kpis/break-down-kpis.use-case';
import { ComputeKpisUseCase } from './use-cases/compute-kpis/compute-kpis.use-case';

/**
 * Case-loop KPIs of the cases reported in a period (closure, on-time closure, rework, extensions, rating), for a
 * district and its grids or the city, and broken down by day, category, street or community.
 */
@Module({
  imports: [GridReplicaModule],
  controllers: [KpisController],
  providers: [ComputeKpisUseCase, BreakDownKpisUseCase],
})
export class KpisModule {}
