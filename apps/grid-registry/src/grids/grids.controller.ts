import { Body, Controller, Get, Headers, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { assertCanActOnGrid, correlationIdFrom, CurrentIdentity, Identity, Permit } from '@gridline/platform';
import { ApiErrorView } from '../http/api-error.view';
import { TenantGridParams, TenantParams } from '../http/path-params';
import { GridReader } from './grid-reader';
import { GridView } from './grid-view';
import { ListGridsQuery } from './list-grids.query';
import { CreateGridDto } from './use-cases/create-grid/create-grid.dto';
import { CreateGridUseCase } from './use-cases/create-grid/create-grid.use-case';
import { ReplaceGridLeaderDto } from './use-cases/replace-grid-leader/replace-grid-leader.dto';
import { ReplaceGridLeaderUseCase } from './use-cases/replace-grid-leader/replace-grid-leader.use-case';

@ApiTags('grids')
@Controller('v1/tenants/:tenantId/grids')
export class GridsController {
  constructor(
    private readonly reader: GridReader,
    private readonly createGrid: CreateGridUseCase,
    private readonly replaceGridLeader: ReplaceGridLeaderUseCase,
  ) {}

  @Post()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Add a grid to the district tree (district staff anywhere; a grid leader or worker below their own grid)',
    description:
      'street (no parent) > community > grid (level 3) > micro; a micro-grid may also sit directly under a community. ' +
      'The code extends the parent code (a street extends the division code). Announced on the grid-state topic.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: GridView })
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorView, description: 'UNKNOWN_PARENT, WRONG_LEVEL_UNDER_PARENT' })
  @ApiConflictResponse({ type: ApiErrorView, description: 'ADDRESS_TAKEN, DUPLICATE_GRID_NAME, GRID_CODE_SPACE_FULL' })
  async create(
    @Param() { tenantId }: TenantParams,
    @Body() body: CreateGridDto,
    @Headers('x-correlation-id') correlation: string | undefined,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    const parentLineage = body.parentId ? await this.reader.lineage(tenantId, body.parentId) : [];
    assertCanActOnGrid(identity, parentLineage, 'the parent grid');
    return this.createGrid.execute({ tenantId, grid: body, correlationId: correlationIdFrom(correlation) });
  }

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: "The district's grids as a flat list ordered by code (keyset paging with `after`)" })
  @ApiOkResponse({ type: [GridView] })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND' })
  list(@Param() { tenantId }: TenantParams, @Query() query: ListGridsQuery): Promise<GridView[]> {
    return this.reader.list(tenantId, query);
  }

  @Get(':gridId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One grid, with its leader (no contact details)' })
  @ApiOkResponse({ type: GridView })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'GRID_NOT_FOUND' })
  get(@Param() { tenantId, gridId }: TenantGridParams): Promise<GridView> {
    return this.reader.get(tenantId, gridId);
  }

  @Put(':gridId/leader')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "Replace the grid's leader; the grid version goes up and the new state is announced" })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: GridView })
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'GRID_NOT_FOUND' })
  async replaceLeader(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: ReplaceGridLeaderDto,
    @Headers('x-correlation-id') correlation: string | undefined,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    // A leader may appoint leaders below them, not replace themselves: the scope starts at the parent.
    assertCanActOnGrid(identity, (await this.reader.lineage(tenantId, gridId)).slice(1), 'this grid');
    return this.replaceGridLeader.execute({ tenantId, gridId, leader: body, correlationId: correlationIdFrom(correlation) });
  }
}
