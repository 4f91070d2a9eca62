import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TeamErrors } from './team-errors';
import { Team } from './team.entity';
import { TeamView } from './team.view';

/**
 * A district's teams as clients see them, each with its member count. The count is not stored on the team:
 * volunteers join and leave through their own records, so it is counted on every read.
 */
@Injectable()
export class TeamsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string): Promise<TeamView[]> {
    const teams = await this.dataSource.manager.find(Team, { where: { tenantId }, order: { name: 'ASC' } });
    return Promise.all(teams.map((team) => this.view(team)));
  }

  async get(tenantId: string, teamId: string): Promise<TeamView> {
    const team = await this.dataSource.manager.findOneBy(Team, { tenantId, id: teamId });
    if (!team) throw TeamErrors.TEAM_NOT_FOUND(tenantId, teamId);
    return this.view(team);
  }

  /** Also for a team just created, which answers with the same view. */
  async view(team: Team): Promise<TeamView> {
    const [{ members }]: Array<{ members: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS members FROM volunteers WHERE tenant_id = $1 AND team_id = $2`,
      [team.tenantId, team.id],
    );
    return {
      id: team.id,
      tenantId: team.tenantId,
      name: team.name,
      kind: team.kind,
      members,
      createdAt: team.createdAt.toISOString(),
    };
  }
}
