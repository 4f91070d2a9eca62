import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { CorrelationId, CurrentIdentity, HttpIdempotency, Identity, NotFoundError, Permit } from '@gridline/platform';
import { TenantParams, TenantTaskParams } from '../http/path-params';
import { TaskOffer } from './task-offer.entity';
import { TaskView, toTaskView } from './task-view';
import { RequestVolunteersDto } from './use-cases/request-volunteers/request-volunteers.dto';
import { RequestVolunteersUseCase } from './use-cases/request-volunteers/request-volunteers.use-case';
import { VolunteerTask } from './volunteer-task.entity';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
  async request(
    @Param() { tenantId }: TenantParams,
    @Body() body: RequestVolunteersDto,
    @CurrentIdentity() identity: Identity,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<TaskView> {
    return this.idempotency.run(`help-request:${tenantId}`, idempotencyKey, body, async () => {
      const task = await this.requestVolunteers.execute({ tenantId, request: body, identity, correlationId });
      return this.view(task);
    });
  }

  @Get('tasks')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'Find the task of an issue (with its offers)' })
  @ApiOkResponse({ type: TaskView, isArray: true })
  async find(@Param() { tenantId }: TenantParams, @Query() { issueId }: TaskLookupQuery): Promise<TaskView[]> {
    const tasks = await this.dataSource.manager.find(VolunteerTask, {
      where: issueId === undefined ? { tenantId } : { tenantId, issueId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 100,
    });
    return Promise.all(tasks.map((task) => this.view(task)));
  }

  @Get('tasks/:taskId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'One task and every offer made for it' })
  @ApiOkResponse({ type: TaskView })
  async get(@Param() { tenantId, taskId }: TenantTaskParams): Promise<TaskView> {
    const task = await this.dataSource.manager.findOneBy(VolunteerTask, { tenantId, id: taskId });
    if (!task) throw new NotFoundError('TASK_NOT_FOUND', `task ${taskId} does not exist in district ${tenantId}`);
    return this.view(task);
  }

  private async view(task: VolunteerTask): Promise<TaskView> {
    const offers = await this.dataSource.manager.find(TaskOffer, {
      where: { tenantId: task.tenantId, taskId: task.id },
      order: { offeredAt: 'ASC', id: 'ASC' },
    });
    return toTaskView(task, offers);
  }
}
