import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, Permit } from '@gridline/platform';
import { TenantParams, TenantTeamParams } from '../http/path-params';
import { Team } from './team.entity';
import { CreateTeamDto } from './use-cases/create-team/create-team.dto';
import { CreateTeamUseCase } from './use-cases/create-team/create-team.use-case';

export class TeamView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() members: number;
  @ApiProperty() createdAt: string;
}

@ApiTags('teams')
@Controller('v1/tenants/:tenantId/teams')
export class TeamsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly createTeam: CreateTeamUseCase,
  ) {}

  @Post()
  @Permit('district-staff')
  @ApiOperation({ summary: 'Create a team (university class, party branch, property company) volunteers can join' })
  @ApiCreatedResponse({ type: TeamView })
  async create(@Param() { tenantId }: TenantParams, @Body() body: CreateTeamDto): Promise<TeamView> {
    return this.view(await this.createTeam.execute(tenantId, body));
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The district's teams, by name" })
  @ApiOkResponse({ type: TeamView, isArray: true })
  async list(@Param() { tenantId }: TenantParams): Promise<TeamView[]> {
    const teams = await this.dataSource.manager.find(Team, { where: { tenantId }, order: { name: 'ASC' } });
    return Promise.all(teams.map((team) => this.view(team)));
  }

  @Get(':teamId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'One team with its member count' })
  @ApiOkResponse({ type: TeamView })
  async get(@Param() { tenantId, teamId }: TenantTeamParams): Promise<TeamView> {
    const team = await this.dataSource.manager.findOneBy(Team, { tenantId, id: teamId });
    if (!team) throw new NotFoundError('TEAM_NOT_FOUND', `team ${teamId} does not exist in district ${tenantId}`);
    return this.view(team);
  }

  private async view(team: Team): Promise<TeamView> {
    const [{ members }]: Array<{ members: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS members FROM volunteers WHERE tenant_id = $1 AND team_id = $2`,
      [team.tenantId, team.id],
    );
    return { id: team.id, tenantId: team.tenantId, name: team.name, kind: team.kind, members, createdAt: team.createdAt.toISOString() };
  }
}
