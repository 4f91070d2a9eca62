import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GridTree } from '@gridline/grid-replica';
import { NotFoundError, Permit } from '@gridline/platform';
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
  @Permit('district-staff')
  @ApiOperation({ summary: "A district's escalation board: open cases by holder level, age and deadline, most urgent first" })
  @ApiOkResponse({ type: BoardView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a filter is malformed (e.g. `category` not a category code, `gridId` not a UUID).' })
  @ApiNotFoundResponse({ description: 'TENANT_NOT_FOUND, or GRID_NOT_FOUND: the district has no grid `gridId`.' })
  async district(@Param() { tenantId }: TenantParams, @Query() query: ListBoardQuery): Promise<BoardView> {
    if (!(await this.grids.tenant(tenantId))) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} is not known to analytics`);
    return this.listBoard.execute(tenantId, query);
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
