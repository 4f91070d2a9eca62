import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { BoardController } from './board.controller';
import { ListBoardUseCase } from './use-cases/list-board/list-board.use-case';

/** The escalation board: a district's (or the city's) open cases by holder level, age and deadline, most urgent first. */
@Module({
  imports: [GridReplicaModule],
  controllers: [BoardController],
  providers: [ListBoardUseCase],
})
export class BoardModule {}
