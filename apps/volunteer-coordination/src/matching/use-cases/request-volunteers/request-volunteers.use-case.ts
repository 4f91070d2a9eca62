import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { EventContext } from '@gridline/messaging';
import { assertCanActOnGrid } from '@gridline/platform';
import { GridErrors } from '../../../access/grid-errors';
import { localWindow } from '../../../volunteers/domain/availability';
import { DEFAULT_TIME_ZONE } from '../../../volunteers/domain/local-time';
import { isKnownSkill } from '../../../volunteers/domain/skill-catalogue';
import { VolunteerErrors } from '../../../volunteers/volunteer-errors';
import { MatchingErrors } from '../../matching-errors';
import { TaskOffering } from '../../task-offering';
import { VolunteerTask } from '../../volunteer-task.entity';
import { RequestVolunteersCommand } from './request-volunteers.command';

/**
 * A grid leader asks directly for N volunteers with a skill for a time window: a task of N places, offered at
 * once to the N best-ranked candidates (each with an expiry), then on down the ranking as people decline.
 */
@Injectable()
export class RequestVolunteersUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly offering: TaskOffering,
  ) {}

  async execute({ tenantId, request, identity, correlationId }: RequestVolunteersCommand): Promise<VolunteerTask> {
    await this.grids.requireTenant(tenantId);
    if (!isKnownSkill(request.skill)) throw VolunteerErrors.UNKNOWN_SKILL({ skill: request.skill });
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    if (endsAt <= startsAt)
      throw MatchingErrors.INVALID_WINDOW({
        endsBeforeStart: { startsAt: request.startsAt, endsAt: request.endsAt },
      });
    if (!localWindow(startsAt, endsAt, DEFAULT_TIME_ZONE).sameDay)
      throw MatchingErrors.INVALID_WINDOW({ notOneLocalDay: true });
    if (endsAt <= new Date()) throw MatchingErrors.INVALID_WINDOW({ over: true });
    const lineage = await this.grids.lineage(tenantId, request.gridId);
    if (lineage.length === 0) throw GridErrors.UNKNOWN_GRID(tenantId, request.gridId, 'gridId');
    assertCanActOnGrid(
      identity,
      lineage.map((grid) => grid.gridId),
      'the grid of the request',
    );

    return this.dataSource.transaction(async (manager) => {
      const task = manager.create(VolunteerTask, {
        id: randomUUID(),
        tenantId,
        source: 'request',
        issueId: null,
        gridId: request.gridId,
        skill: request.skill,
        minLevel: request.minLevel ?? 1,
        certificateRequired: request.certificateRequired ?? false,
        needed: request.count,
        startsAt,
        endsAt,
        state: 'open',
        requestedBy: identity.subject,
        note: request.note ?? null,
        correlationId,
        createdAt: new Date(),
      });
      await manager.insert(VolunteerTask, task);
      await this.offering.fill(manager, task, EventContext.start(tenantId, correlationId));
      return task;
    });
  }
}
