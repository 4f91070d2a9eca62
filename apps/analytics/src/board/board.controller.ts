import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors, GridTree } from '@gridline/grid-replica';
import {
  ApiErrors,
  cityRouteErrors,
  CurrentIdentity,
  gridsOf,
  hasRole,
  Identity,
  Permit,
  PlatformErrors,
} from '@gridline/platform';
import { BoardErrors } from './board-errors';
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
  @ApiErrors(...districtRouteErrors, PlatformErrors.OUTSIDE_YOUR_GRID, BoardErrors.GRID_NOT_FOUND)
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
  @ApiErrors(...cityRouteErrors, BoardErrors.GRID_NOT_FOUND)
  city(@Query() query: ListBoardQuery): Promise<BoardView> {
    return this.listBoard.execute(null, query);
  }
}
