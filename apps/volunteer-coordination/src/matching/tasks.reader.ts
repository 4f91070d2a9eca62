import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchingErrors } from './matching-errors';
import { TaskOffer } from './task-offer.entity';
import { TaskView, toTaskView } from './task-view';
import { VolunteerTask } from './volunteer-task.entity';

/** How many tasks one lookup answers at most. */
const MAX_TASKS = 100;

/** Read side of the volunteer tasks opened for issues: each with every offer made for it, oldest offer first. */
@Injectable()
export class TasksReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The district's tasks, or those of one issue, newest first. */
  async find(tenantId: string, issueId: string | undefined): Promise<TaskView[]> {
    const tasks = await this.dataSource.manager.find(VolunteerTask, {
      where: issueId === undefined ? { tenantId } : { tenantId, issueId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: MAX_TASKS,
    });
    return Promise.all(tasks.map((task) => this.view(task)));
  }

  async get(tenantId: string, taskId: string): Promise<TaskView> {
    const task = await this.dataSource.manager.findOneBy(VolunteerTask, { tenantId, id: taskId });
    if (!task) throw MatchingErrors.TASK_NOT_FOUND(tenantId, taskId);
    return this.view(task);
  }

  /** A task with its offers as they stand now (also the answer to the help request that opened it). */
  async view(task: VolunteerTask): Promise<TaskView> {
    const offers = await this.dataSource.manager.find(TaskOffer, {
      where: { tenantId: task.tenantId, taskId: task.id },
      order: { offeredAt: 'ASC', id: 'ASC' },
    });
    return toTaskView(task, offers);
  }
}
