import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { GridStaffModule } from '../access/grid-staff.module';
import { DistrictLoansController } from './district-loans.controller';
import { DistrictLoansReader } from './district-loans.reader';
import { ToolRoomAccess } from './tool-room-access';
import { ToolRoomController } from './tool-room.controller';
import { ToolRoomReader } from './tool-room.reader';
import { Tool, ToolLoan } from './tool.entity';
import { AddToolUseCase } from './use-cases/add-tool/add-tool.use-case';
import { LendToolUseCase } from './use-cases/lend-tool/lend-tool.use-case';
import { RemindOverdueUseCase } from './use-cases/remind-overdue/remind-overdue.use-case';
import { ReturnToolUseCase } from './use-cases/return-tool/return-tool.use-case';
import { SetToolConditionUseCase } from './use-cases/set-tool-condition/set-tool-condition.use-case';

/** Entities of the tool-room feature, for the service's DataSource. */
export const toolRoomEntities = [Tool, ToolLoan];

/** Each community's shared tool room: inventory, loans with due times, overdue reminders. */
@Module({
  imports: [GridReplicaModule, GridStaffModule],
  controllers: [ToolRoomController, DistrictLoansController],
  providers: [
    ToolRoomAccess,
    ToolRoomReader,
    DistrictLoansReader,
    AddToolUseCase,
    SetToolConditionUseCase,
    LendToolUseCase,
    ReturnToolUseCase,
    RemindOverdueUseCase,
  ],
})
export class ToolRoomModule {}
