import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VolunteerRegistered } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, Outbox } from '@gridline/messaging';
import { NotFoundError, UnprocessableError } from '@gridline/platform';
import { Volunteer } from '../../volunteer.entity';
import { RegisterVolunteerDto } from './register-volunteer.dto';

export interface RegisterVolunteerCommand {
  readonly tenantId: string;
  readonly registration: RegisterVolunteerDto;
  readonly correlationId: string;
}

/**
 * Registers a volunteer in a grid of the district and announces it. The event carries skills and home grid
 * only: the volunteer-events topic is public, so name and phone stay in this service's table.
 */
@Injectable()
export class RegisterVolunteerUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
  ) {}

  async execute({ tenantId, registration, correlationId }: RegisterVolunteerCommand): Promise<Volunteer> {
    if (!(await this.grids.tenant(tenantId))) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} is not known to volunteer-coordination`);
    if (!(await this.grids.grid(tenantId, registration.homeGridId))) {
      throw new UnprocessableError('UNKNOWN_GRID', `grid ${registration.homeGridId} is not in district ${tenantId}`, [{ field: 'homeGridId', reason: 'unknown grid' }]);
    }
    const volunteer = this.dataSource.manager.create(Volunteer, {
      id: randomUUID(),
      tenantId,
      name: registration.name,
      phone: registration.phone ?? null,
      homeGridId: registration.homeGridId,
      skills: registration.skills,
      offerCount: 0,
      registeredAt: new Date(),
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Volunteer, volunteer);
      await this.outbox.add(manager, VolunteerRegistered, {
        volunteerId: volunteer.id,
        tenantId,
        homeGridId: volunteer.homeGridId,
        skills: volunteer.skills,
      }, EventContext.start(tenantId, correlationId));
    });
    return volunteer;
  }
}
