import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors } from '@gridline/grid-replica';
import { ApiErrors, CorrelationId, CurrentIdentity, Identity, Permit, PlatformErrors } from '@gridline/platform';
import { PageQuery } from '../http/page-query';
import {
  AddToolDto,
  LendToolDto,
  ReturnToolDto,
  SetConditionDto,
  ToolLoanPage,
  ToolLoanView,
  ToolPage,
  ToolView,
} from './tool-room.dto';
import { ListLoansQuery, TenantLoanParams, TenantToolParams, TenantToolRoomParams } from './tool-room.params';
import { ToolRoomReader } from './tool-room.reader';
import { ToolRoomErrors } from './tool-room-errors';
import { AddToolUseCase } from './use-cases/add-tool/add-tool.use-case';
import { LendToolUseCase } from './use-cases/lend-tool/lend-tool.use-case';
import { ReturnToolUseCase } from './use-cases/return-tool/return-tool.use-case';
import { SetToolConditionUseCase } from './use-cases/set-tool-condition/set-tool-condition.use-case';

/** What every route of a tool room may answer first: the district, and the grid being a community of it. */
const toolRoomErrors = [
  ...districtRouteErrors,
  ToolRoomErrors.TOOL_ROOM_NOT_FOUND,
  ToolRoomErrors.NOT_A_COMMUNITY,
] as const;

@ApiTags('tool-room')
@ApiHeader({ name: 'X-Correlation-Id', required: false })
@Controller('v1/tenants/:tenantId/tool-rooms/:gridId')
export class ToolRoomController {
  constructor(
    private readonly reader: ToolRoomReader,
    private readonly addTool: AddToolUseCase,
    private readonly setCondition: SetToolConditionUseCase,
    private readonly lendTool: LendToolUseCase,
    private readonly returnTool: ReturnToolUseCase,
  ) {}

  @Post('tools')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "Add a tool to the community's tool room (共享工具房)" })
  @ApiCreatedResponse({ type: ToolView })
  @ApiErrors(...toolRoomErrors, PlatformErrors.OUTSIDE_YOUR_GRID)
  add(
    @Param() { tenantId, gridId }: TenantToolRoomParams,
    @Body() body: AddToolDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<ToolView> {
    return this.addTool.execute({ tenantId, gridId, request: body, identity, correlationId });
  }

  @Get('tools')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'The inventory, oldest first, with condition and whether each tool is available' })
  @ApiOkResponse({ type: ToolPage })
  @ApiErrors(...toolRoomErrors)
  list(@Param() { tenantId, gridId }: TenantToolRoomParams, @Query() query: PageQuery): Promise<ToolPage> {
    return this.reader.tools(tenantId, gridId, query);
  }

  @Put('tools/:toolId/condition')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "Record a tool's condition (repaired, worn, broken)" })
  @ApiOkResponse({ type: ToolView })
  @ApiErrors(...toolRoomErrors, PlatformErrors.OUTSIDE_YOUR_GRID, ToolRoomErrors.TOOL_NOT_FOUND)
  condition(
    @Param() { tenantId, gridId, toolId }: TenantToolParams,
    @Body() body: SetConditionDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<ToolView> {
    return this.setCondition.execute({ tenantId, gridId, request: { ...body, toolId }, identity, correlationId });
  }

  @Post('tools/:toolId/loans')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'Borrow a tool until a due time (409 TOOL_ALREADY_LENT / TOOL_BROKEN)' })
  @ApiCreatedResponse({ type: ToolLoanView })
  @ApiErrors(
    ...toolRoomErrors,
    ToolRoomErrors.INVALID_DUE_DATE,
    ToolRoomErrors.TOOL_NOT_FOUND,
    ToolRoomErrors.TOOL_ALREADY_LENT,
    ToolRoomErrors.TOOL_BROKEN,
  )
  lend(
    @Param() { tenantId, gridId, toolId }: TenantToolParams,
    @Body() body: LendToolDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<ToolLoanView> {
    return this.lendTool.execute({ tenantId, gridId, request: { ...body, toolId }, identity, correlationId });
  }

  @Post('loans/:loanId/return')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: 'Return a borrowed tool with its condition (the borrower or a keeper); cancels the overdue reminder',
  })
  @ApiOkResponse({ type: ToolLoanView })
  @ApiErrors(...toolRoomErrors, ToolRoomErrors.LOAN_NOT_FOUND, ToolRoomErrors.ALREADY_RETURNED)
  giveBack(
    @Param() { tenantId, gridId, loanId }: TenantLoanParams,
    @Body() body: ReturnToolDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<ToolLoanView> {
    return this.returnTool.execute({ tenantId, gridId, request: { ...body, loanId }, identity, correlationId });
  }

  @Get('loans')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The tool room's loans, newest first (keepers)" })
  @ApiOkResponse({ type: ToolLoanPage })
  @ApiErrors(...toolRoomErrors, PlatformErrors.OUTSIDE_YOUR_GRID)
  loans(
    @Param() { tenantId, gridId }: TenantToolRoomParams,
    @Query() query: ListLoansQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<ToolLoanPage> {
    return this.reader.loans(tenantId, gridId, query, identity);
  }
}
