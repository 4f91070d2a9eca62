import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  ApiErrors,
  assertCanActOnGrid,
  CorrelationId,
  CurrentIdentity,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { TenantGridParams, TenantParams } from '../http/path-params';
import { GridAsOfQuery } from './grid-as-of.query';
import { GridHistoryReader } from './grid-history.reader';
import { GridReader } from './grid-reader';
import { GridVersionView } from './grid-version-view';
import { GridView } from './grid-view';
import { ListGridsQuery } from './list-grids.query';
import { CreateGridDto } from './use-cases/create-grid/create-grid.dto';
import { CreateGridUseCase } from './use-cases/create-grid/create-grid.use-case';
import { ReplaceGridLeaderDto } from './use-cases/replace-grid-leader/replace-grid-leader.dto';
import { ReplaceGridLeaderUseCase } from './use-cases/replace-grid-leader/replace-grid-leader.use-case';
import { MoveGridDto } from './use-cases/move-grid/move-grid.dto';
import { MoveGridUseCase } from './use-cases/move-grid/move-grid.use-case';
import { RenameGridDto } from './use-cases/rename-grid/rename-grid.dto';
import { RenameGridUseCase } from './use-cases/rename-grid/rename-grid.use-case';
import { RetireGridDto } from './use-cases/retire-grid/retire-grid.dto';
import { RetireGridUseCase } from './use-cases/retire-grid/retire-grid.use-case';
import { MergeGridsDto } from './use-cases/merge-grids/merge-grids.dto';
import { MergeGridsUseCase } from './use-cases/merge-grids/merge-grids.use-case';
import { SplitGridDto } from './use-cases/split-grid/split-grid.dto';
import { SplitGridUseCase } from './use-cases/split-grid/split-grid.use-case';
import { SplitGridView } from './use-cases/split-grid/split-grid.view';
import { TenantErrors } from '../tenants/tenant-errors';
import { GridErrors } from './grid-errors';
import { PlaceErrors } from '../places/place-errors';

/** `?asOf=` answers come from the grid history and have their own shape. */
const gridOrVersion = { oneOf: [{ $ref: getSchemaPath(GridView) }, { $ref: getSchemaPath(GridVersionView) }] };

@ApiTags('grids')
@ApiExtraModels(GridView, GridVersionView)
@Controller('v1/tenants/:tenantId/grids')
export class GridsController {
  constructor(
    private readonly reader: GridReader,
    private readonly createGrid: CreateGridUseCase,
    private readonly replaceGridLeader: ReplaceGridLeaderUseCase,
    private readonly history: GridHistoryReader,
    private readonly renameGrid: RenameGridUseCase,
    private readonly moveGrid: MoveGridUseCase,
    private readonly retireGrid: RetireGridUseCase,
    private readonly mergeGrids: MergeGridsUseCase,
    private readonly splitGrid: SplitGridUseCase,
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
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.UNKNOWN_PARENT,
    GridErrors.WRONG_LEVEL_UNDER_PARENT,
    GridErrors.ADDRESS_TAKEN,
    GridErrors.DUPLICATE_GRID_NAME,
    GridErrors.GRID_CODE_SPACE_FULL,
    GridErrors.CONCURRENT_CHANGE,
  )
  async create(
    @Param() { tenantId }: TenantParams,
    @Body() body: CreateGridDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    const parentLineage = body.parentId ? await this.reader.lineage(tenantId, body.parentId) : [];
    assertCanActOnGrid(identity, parentLineage, 'the parent grid');
    return this.createGrid.execute({ tenantId, grid: body, correlationId });
  }

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: "The district's grids as a flat list ordered by code (keyset paging with `after`)",
    description:
      'Retired grids only with `includeRetired=true`. With `asOf`, the tree as it was at that instant (GridVersionView items).',
  })
  @ApiOkResponse({ schema: { type: 'array', items: gridOrVersion } })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND)
  list(@Param() { tenantId }: TenantParams, @Query() query: ListGridsQuery): Promise<GridView[] | GridVersionView[]> {
    if (query.asOf !== undefined) return this.history.list(tenantId, new Date(query.asOf), query);
    return this.reader.list(tenantId, query);
  }

  @Get(':gridId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: 'One grid, with its leader (no contact details); with `asOf`, the grid as it stood then (GridVersionView)',
  })
  @ApiOkResponse({ schema: gridOrVersion })
  @ApiErrors(...tenantRouteErrors, GridErrors.GRID_NOT_FOUND)
  get(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Query() { asOf }: GridAsOfQuery,
  ): Promise<GridView | GridVersionView> {
    if (asOf !== undefined) return this.history.get(tenantId, gridId, new Date(asOf));
    return this.reader.get(tenantId, gridId);
  }

  @Patch(':gridId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      'Rename a grid (district staff; a grid leader or worker below their own grid). Its code stays; the new state is announced.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: GridView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    GridErrors.GRID_NOT_FOUND,
    GridErrors.GRID_RETIRED,
    GridErrors.DUPLICATE_GRID_NAME,
  )
  async rename(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: RenameGridDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    // As for the leader: grid staff change grids below their own, so the scope starts at the parent.
    await this.reader.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    return this.renameGrid.execute({ tenantId, gridId, changes: body, correlationId });
  }

  @Post(':gridId/move')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Move a grid under another parent of the district, effective from a date (default now)',
    description:
      'Level rules as at creation; never under itself or a descendant. The grid gets a new code under its new parent and its ' +
      "descendants' codes are rewritten with it (old codes stay in the history). Grid staff need both the grid's current parent " +
      'and the new parent inside their own grid. Announced on the grid-state topic (every grid re-coded) and as GridMoved.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: GridView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    GridErrors.UNKNOWN_PARENT,
    GridErrors.WRONG_LEVEL_UNDER_PARENT,
    GridErrors.MOVE_WOULD_CREATE_CYCLE,
    GridErrors.GRID_RETIRED,
    GridErrors.EFFECTIVE_DATE_IN_FUTURE,
    GridErrors.EFFECTIVE_DATE_TOO_EARLY,
    GridErrors.DUPLICATE_GRID_NAME,
    GridErrors.GRID_CODE_SPACE_FULL,
    GridErrors.CONCURRENT_CHANGE,
  )
  async move(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: MoveGridDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    await this.reader.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    await this.reader.assertCanActOn(identity, tenantId, body.newParentId, 'the new parent grid');
    return this.moveGrid.execute({ tenantId, gridId, move: body, correlationId });
  }

  @Post(':gridId/retire')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Retire a grid that holds nothing any more, effective from a date (default now)',
    description:
      'Refused while it has active children, places or a boundary. Its address claims are released; it leaves lists ' +
      '(`includeRetired=true` shows it) and stays in the history. Announced with status retired and as GridRetired.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: GridView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    GridErrors.GRID_NOT_FOUND,
    GridErrors.GRID_HAS_CHILDREN,
    GridErrors.GRID_HAS_PLACES,
    GridErrors.GRID_HAS_BOUNDARY,
    GridErrors.EFFECTIVE_DATE_IN_FUTURE,
    GridErrors.EFFECTIVE_DATE_TOO_EARLY,
  )
  async retire(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: RetireGridDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    await this.reader.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    return this.retireGrid.execute({ tenantId, gridId, retirement: body, correlationId });
  }

  @Post(':gridId/merge')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Merge sibling grids into this one, effective from a date (default now)',
    description:
      'The absorbed grids (same parent, level and kind) retire; their child grids move under this grid (re-coded), their places and ' +
      'addresses go to it, their memberships end and their area joins its boundary (or `boundary` replaces it). Grid staff need this grid ' +
      'and every absorbed grid strictly inside their own. Announced on grid-state, place-state, grid-boundaries, member-state and as GridsMerged.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: GridView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    GridErrors.UNKNOWN_GRID,
    GridErrors.MERGE_INTO_ITSELF,
    GridErrors.GRID_RETIRED,
    GridErrors.MERGE_ACROSS_LEVELS,
    GridErrors.MERGE_ACROSS_PARENTS,
    GridErrors.MERGE_ACROSS_KINDS,
    PlaceErrors.INVALID_POLYGON,
    PlaceErrors.POLYGON_TOO_COMPLEX,
    GridErrors.BOUNDARY_REQUIRED,
    GridErrors.EFFECTIVE_DATE_IN_FUTURE,
    GridErrors.EFFECTIVE_DATE_TOO_EARLY,
    GridErrors.DUPLICATE_GRID_NAME,
    GridErrors.GRID_CODE_SPACE_FULL,
    GridErrors.CONCURRENT_CHANGE,
  )
  async merge(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: MergeGridsDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    await this.reader.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    for (const absorbed of body.absorbedGridIds)
      await this.reader.assertCanActOn(identity, tenantId, absorbed, 'an absorbed grid', 'strictly-below');
    return this.mergeGrids.execute({ tenantId, gridId, merge: body, correlationId });
  }

  @Post(':gridId/split')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Split this grid into new sibling grids, effective from a date (default now)',
    description:
      'Each part is a new grid under the same parent (new code, optional leader) and takes the child grids, places (courtyards with ' +
      'their buildings) and addresses listed for it: each must go to exactly one part, and every part needs a boundary when the grid ' +
      'had one. The grid retires and its memberships end. Announced on grid-state, place-state, grid-boundaries, member-state and as GridSplit.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: SplitGridView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    GridErrors.SPLIT_PLAN_INVALID,
    GridErrors.GRID_RETIRED,
    PlaceErrors.INVALID_POLYGON,
    PlaceErrors.POLYGON_TOO_COMPLEX,
    GridErrors.EFFECTIVE_DATE_IN_FUTURE,
    GridErrors.EFFECTIVE_DATE_TOO_EARLY,
    GridErrors.DUPLICATE_GRID_NAME,
    GridErrors.ADDRESS_TAKEN,
    GridErrors.GRID_CODE_SPACE_FULL,
    GridErrors.CONCURRENT_CHANGE,
  )
  async split(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: SplitGridDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<SplitGridView> {
    await this.reader.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    return this.splitGrid.execute({ tenantId, gridId, split: body, correlationId });
  }

  @Put(':gridId/leader')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "Replace the grid's leader; the grid version goes up and the new state is announced" })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: GridView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    GridErrors.GRID_NOT_FOUND,
    GridErrors.CONCURRENT_CHANGE,
  )
  async replaceLeader(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: ReplaceGridLeaderDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<GridView> {
    // A leader may appoint leaders below them, not replace themselves: the scope starts at the parent.
    await this.reader.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    return this.replaceGridLeader.execute({ tenantId, gridId, leader: body, correlationId });
  }
}
