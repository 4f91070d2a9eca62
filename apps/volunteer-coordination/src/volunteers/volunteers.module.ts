import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { SkillsController } from './skills.controller';
import { RegisterVolunteerUseCase } from './use-cases/register-volunteer/register-volunteer.use-case';
import { UpdateVolunteerUseCase } from './use-cases/update-volunteer/update-volunteer.use-case';
import { Volunteer } from './volunteer.entity';
import { VolunteersController } from './volunteers.controller';
import { VolunteersReader } from './volunteers.reader';

/** Entities of the volunteers feature, for the service's DataSource. */
export const volunteerEntities = [Volunteer];

/** A district's volunteers: registration, their skills, availability and contact consent, and the skill list. */
@Module({
  imports: [GridReplicaModule],
  controllers: [SkillsController, VolunteersController],
  providers: [VolunteersReader, RegisterVolunteerUseCase, UpdateVolunteerUseCase],
})
export class VolunteersModule {}
