import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { Team } from './team.entity';
import { TeamsController } from './teams.controller';
import { TeamsReader } from './teams.reader';
import { CreateTeamUseCase } from './use-cases/create-team/create-team.use-case';

/** Entities of the teams feature, for the service's DataSource. */
export const teamEntities = [Team];

/** The groups volunteers belong to (a university class, a party branch, a property company); hours total by team. */
@Module({
  imports: [GridReplicaModule],
  controllers: [TeamsController],
  providers: [TeamsReader, CreateTeamUseCase],
})
export class TeamsModule {}
