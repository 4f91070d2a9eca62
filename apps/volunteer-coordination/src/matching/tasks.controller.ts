import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { districtRouteErrors } from '@gridline/grid-replica';
import {
  ApiErrors,
  CorrelationId,
  CurrentIdentity,
  HttpIdempotency,
  idempotencyRouteErrors,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { GridErrors } from '../access/grid-errors';
import { TenantParams, TenantTaskParams } from '../http/path-params';
import { VolunteerErrors } from '../volunteers/volunteer-errors';
import { MatchingErrors } from './matching-errors';
import { TasksReader } from './tasks.reader';
import { TaskView } from './task-view';
import { RequestVolunteersDto } from './use-cases/request-volunteers/request-volunteers.dto';
import { RequestVolunteersUseCase } from './use-cases/request-volunteers/request-volunteers.use-case';

class TaskLookupQuery {
  @ApiPropertyOptional({ description: 'The task opened for this issue.' })
  @IsString()
  @Length(1, 64)
  @IsOptional()
  issueId?: string;
}

@ApiTags('tasks')
@Controller('v1/tenants/:tenantId')
export class TasksController {
  constructor(
    private readonly reader: TasksReader,
    private readonly requestVolunteers: RequestVolunteersUseCase,
    private readonly idempotency: HttpIdempotency,
  ) {}

  @Post('help-requests')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'A grid leader asks for N volunteers with a skill for a time window; the best-ranked are offered at once',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key open one task.' })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: TaskView })
  @ApiErrors(
    ...districtRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    VolunteerErrors.UNKNOWN_SKILL,
    MatchingErrors.INVALID_WINDOW,
    GridErrors.UNKNOWN_GRID,
    ...idempotencyRouteErrors,
  )
  async request(
    @Param() { tenantId }: TenantParams,
    @Body() body: RequestVolunteersDto,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<TaskView> {
    return this.idempotency.run(`help-request:${tenantId}`, idempotencyKey, body, async () => {
      const task = await this.requestVolunteers.execute({ tenantId, request: body, identity, correlationId });
      return this.reader.view(task);
    });
  }

  @Get('tasks')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'Find the task of an issue (with its offers)' })
  @ApiOkResponse({ type: TaskView, isArray: true })
  @ApiErrors(...tenantRouteErrors)
  find(@Param() { tenantId }: TenantParams, @Query() { issueId }: TaskLookupQuery): Promise<TaskView[]> {
    return this.reader.find(tenantId, issueId);
  }

  @Get('tasks/:taskId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'One task and every offer made for it' })
  @ApiOkResponse({ type: TaskView })
  @ApiErrors(...tenantRouteErrors, MatchingErrors.TASK_NOT_FOUND)
  get(@Param() { tenantId, taskId }: TenantTaskParams): Promise<TaskView> {
    return this.reader.get(tenantId, taskId);
  }
}
