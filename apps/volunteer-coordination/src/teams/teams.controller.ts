import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors } from '@gridline/grid-replica';
import { ApiErrors, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantParams, TenantTeamParams } from '../http/path-params';
import { TeamErrors } from './team-errors';
import { TeamView } from './team.view';
import { TeamsReader } from './teams.reader';
import { CreateTeamDto } from './use-cases/create-team/create-team.dto';
import { CreateTeamUseCase } from './use-cases/create-team/create-team.use-case';

@ApiTags('teams')
@Controller('v1/tenants/:tenantId/teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamsReader,
    private readonly createTeam: CreateTeamUseCase,
  ) {}

  @Post()
  @Permit('district-staff')
  @ApiOperation({ summary: 'Create a team (university class, party branch, property company) volunteers can join' })
  @ApiCreatedResponse({ type: TeamView })
  @ApiErrors(...districtRouteErrors, TeamErrors.TEAM_EXISTS)
  async create(@Param() { tenantId }: TenantParams, @Body() body: CreateTeamDto): Promise<TeamView> {
    return this.teams.view(await this.createTeam.execute(tenantId, body));
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The district's teams, by name" })
  @ApiOkResponse({ type: TeamView, isArray: true })
  @ApiErrors(...tenantRouteErrors)
  list(@Param() { tenantId }: TenantParams): Promise<TeamView[]> {
    return this.teams.list(tenantId);
  }

  @Get(':teamId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'One team with its member count' })
  @ApiOkResponse({ type: TeamView })
  @ApiErrors(...tenantRouteErrors, TeamErrors.TEAM_NOT_FOUND)
  get(@Param() { tenantId, teamId }: TenantTeamParams): Promise<TeamView> {
    return this.teams.get(tenantId, teamId);
  }
}
