import { Module } from '@nestjs/common';
import { GridReaderModule } from '../grids/grid-reader.module';
import { CheckInDayClosing } from './check-in-day-closing.entity';
import { CheckIn } from './check-in.entity';
import { CheckInReader } from './check-in.reader';
import { CheckInsController } from './check-ins.controller';
import { MissedCheckIn } from './missed-check-in.entity';
import { CheckInGridUseCase } from './use-cases/check-in-grid/check-in-grid.use-case';
import { CloseCheckInDayUseCase } from './use-cases/close-check-in-day/close-check-in-day.use-case';
import { SetZeroReportPolicyUseCase } from './use-cases/set-zero-report-policy/set-zero-report-policy.use-case';
import { ZeroReportController } from './zero-report.controller';
import { ZeroReportPolicy } from './zero-report-policy.entity';

/** Entities of the check-ins feature, for the service's DataSource. */
export const checkInEntities = [ZeroReportPolicy, CheckIn, MissedCheckIn, CheckInDayClosing];

/**
 * Zero reporting (零报告): the district's policy, grid staff's daily check-ins, and the day's closing that records
 * and announces the grids that missed theirs (a durable timer per district).
 */
@Module({
  imports: [GridReaderModule],
  controllers: [CheckInsController, ZeroReportController],
  providers: [CheckInReader, SetZeroReportPolicyUseCase, CheckInGridUseCase, CloseCheckInDayUseCase],
})
export class CheckInsModule {}
