import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { TeamErrors } from '../../team-errors';
import { Team } from '../../team.entity';
import { TeamToCreate } from './create-team.command';

/** A team's name is unique in its district, so a class or branch registered twice is noticed (409 TEAM_EXISTS). */
@Injectable()
export class CreateTeamUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  async execute(tenantId: string, body: TeamToCreate): Promise<Team> {
    await this.grids.requireTenant(tenantId);
    const team = this.dataSource.manager.create(Team, {
      id: randomUUID(),
      tenantId,
      name: body.name.trim(),
      kind: body.kind,
      createdAt: new Date(),
    });
    const inserted = await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(Team)
      .values(team)
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) throw TeamErrors.TEAM_EXISTS(tenantId, team.name);
    return team;
  }
}
