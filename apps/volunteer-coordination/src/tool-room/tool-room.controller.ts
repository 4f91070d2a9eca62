import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationId, CurrentIdentity, Identity, Permit } from '@gridline/platform';
import { DEFAULT_PAGE_SIZE, PageQuery } from '../http/page-query';
import {
  AddToolDto,
  LendToolDto,
  ReturnToolDto,
  SetConditionDto,
  toLoanView,
  ToolLoanPage,
  ToolLoanView,
  ToolPage,
  toToolView,
  ToolView,
} from './tool-room.dto';
import { ToolRoomAccess } from './tool-room-access';
import { ListLoansQuery, TenantLoanParams, TenantToolParams, TenantToolRoomParams } from './tool-room.params';
import { Tool, ToolLoan } from './tool.entity';
import { AddToolUseCase } from './use-cases/add-tool/add-tool.use-case';
import { LendToolUseCase } from './use-cases/lend-tool/lend-tool.use-case';
import { ReturnToolUseCase } from './use-cases/return-tool/return-tool.use-case';
import { SetToolConditionUseCase } from './use-cases/set-tool-condition/set-tool-condition.use-case';

@ApiTags('tool-room')
@ApiHeader({ name: 'X-Correlation-Id', required: false })
@Controller('v1/tenants/:tenantId/tool-rooms/:gridId')
export class ToolRoomController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ToolRoomAccess,
    private readonly addTool: AddToolUseCase,
    private readonly setCondition: SetToolConditionUseCase,
    private readonly lendTool: LendToolUseCase,
    private readonly returnTool: ReturnToolUseCase,
  ) {}

  @Post('tools')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "Add a tool to the community's tool room (共享工具房)" })
  @ApiCreatedResponse({ type: ToolView })
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
  async list(
    @Param() { tenantId, gridId }: TenantToolRoomParams,
    @Query() { limit = DEFAULT_PAGE_SIZE, after }: PageQuery,
  ): Promise<ToolPage> {
    await this.access.assertToolRoom(tenantId, gridId);
    const query = this.dataSource.manager
      .createQueryBuilder(Tool, 't')
      .where('t.tenantId = :tenantId AND t.gridId = :gridId', { tenantId, gridId })
      .orderBy('t.addedAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(limit + 1);
    if (after !== undefined)
      query.andWhere(
        '(t.added_at, t.id) > (SELECT c.added_at, c.id FROM tools c WHERE c.tenant_id = :tenantId AND c.id = :after)',
        { after },
      );
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items: items.map(toToolView), next: rows.length > limit ? items[items.length - 1].id : null };
  }

  @Put('tools/:toolId/condition')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "Record a tool's condition (repaired, worn, broken)" })
  @ApiOkResponse({ type: ToolView })
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
  async loans(
    @Param() { tenantId, gridId }: TenantToolRoomParams,
    @Query() { open, limit = DEFAULT_PAGE_SIZE, after }: ListLoansQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<ToolLoanPage> {
    await this.access.assertToolRoom(tenantId, gridId);
    await this.access.assertKeeper(identity, tenantId, gridId);
    const query = this.dataSource.manager
      .createQueryBuilder(ToolLoan, 'l')
      .where('l.tenantId = :tenantId AND l.gridId = :gridId', { tenantId, gridId })
      .orderBy('l.lentAt', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .take(limit + 1);
    if (open === true) query.andWhere('l.returnedAt IS NULL');
    if (open === false) query.andWhere('l.returnedAt IS NOT NULL');
    if (after !== undefined)
      query.andWhere(
        '(l.lent_at, l.id) < (SELECT c.lent_at, c.id FROM tool_loans c WHERE c.tenant_id = :tenantId AND c.id = :after)',
        { after },
      );
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items: items.map(toLoanView), next: rows.length > limit ? items[items.length - 1].id : null };
  }
}
