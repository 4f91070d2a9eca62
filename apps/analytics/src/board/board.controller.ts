import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { GridTree } from '@gridline/grid-replica';
import { CurrentIdentity, gridsOf, hasRole, Identity, Permit } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { BoardView, ListBoardQuery } from './use-cases/list-board/list-board.dto';
import { ListBoardUseCase } from './use-cases/list-board/list-board.use-case';

@ApiTags('board')
@Controller('v1')
export class BoardController {
  constructor(
    private readonly listBoard: ListBoardUseCase,
    private readonly grids: GridTree,
  ) {}

  @Get('tenants/:tenantId/board')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: "A district's escalation board: open cases by holder level, age and deadline, most urgent first",
    description:
      'District staff and city roles see the whole district; a grid leader or worker the cases held by, or first dispatched to, their grids and the grids below.',
  })
  @ApiOkResponse({ type: BoardView })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: a filter is malformed (e.g. `category` not a category code, `gridId` not a UUID).',
  })
  @ApiNotFoundResponse({ description: 'TENANT_NOT_FOUND, or GRID_NOT_FOUND: the district has no grid `gridId`.' })
  @ApiForbiddenResponse({
    description: 'OUTSIDE_YOUR_GRID: a grid leader or worker asked for a grid outside their own.',
  })
  async district(
    @Param() { tenantId }: TenantParams,
    @Query() query: ListBoardQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<BoardView> {
    await this.grids.requireTenant(tenantId);
    const wholeDistrict = hasRole(identity, 'city-admin', 'city-viewer', 'district-admin', 'dispatcher');
    return this.listBoard.execute(tenantId, query, new Date(), wholeDistrict ? undefined : gridsOf(identity));
  }

  @Get('city/board')
  @Permit('city')
  @ApiOperation({ summary: 'The escalation board of every district together, for the city centre' })
  @ApiOkResponse({ type: BoardView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a filter is malformed.' })
  @ApiNotFoundResponse({ description: 'GRID_NOT_FOUND: no district has grid `gridId`.' })
  city(@Query() query: ListBoardQuery): Promise<BoardView> {
    return this.listBoard.execute(null, query);
  }
}
