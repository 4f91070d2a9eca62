import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  async district(@Param() { tenantId }: TenantParams, @Query() query: ListBoardQuery): Promise<BoardView> {
    if (!(await this.grids.tenant(tenantId))) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} is not known to analytics`);
    return this.listBoard.execute(tenantId, query);
  }

  @Get('city/board')
  @Permit('city')
  @ApiOperation({ summary: 'The escalation board of every district together, for the city centre' })
  @ApiOkResponse({ type: BoardView })
  city(@Query() query: ListBoardQuery): Promise<BoardView> {
    return this.listBoard.execute(null, query);
  }
}
