import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VolunteerRegistered } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, Outbox } from '@gridline/messaging';
import { GridErrors } from '../../../access/grid-errors';
import { TeamErrors } from '../../../teams/team-errors';
import { Team } from '../../../teams/team.entity';
import { checkedAvailability } from '../../availability-input';
import { isKnownSkill } from '../../domain/skill-catalogue';
import { SkillClaim } from '../../domain/skill-claim';
import { Volunteer } from '../../volunteer.entity';
import { VolunteerErrors } from '../../volunteer-errors';
import { RegisterVolunteerCommand, VolunteerRegistration } from './register-volunteer.command';

export const DEFAULT_WEEKLY_TASK_CAP = 3;

/**
 * Registers a volunteer in a grid of the district and announces it. Everything is checked before anything is
 * written (skills against the catalogue, availability windows, the grid and team in this district). The event
 * carries skills, kind, team and home grid only: the volunteer-events topic is public, so name and phone stay here.
 */
@Injectable()
export class RegisterVolunteerUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
  ) {}

  async execute({ tenantId, registration, correlationId }: RegisterVolunteerCommand): Promise<Volunteer> {
    await this.grids.requireTenant(tenantId);
    const claims = this.skillClaims(registration);
    const availability = checkedAvailability(registration.availability);
    if (!(await this.grids.grid(tenantId, registration.homeGridId))) {
      throw GridErrors.UNKNOWN_GRID(tenantId, registration.homeGridId, 'homeGridId');
    }
    if (
      registration.teamId !== undefined &&
      !(await this.dataSource.manager.findOneBy(Team, { tenantId, id: registration.teamId }))
    ) {
      throw TeamErrors.UNKNOWN_TEAM(tenantId, registration.teamId);
    }
    const volunteer = this.dataSource.manager.create(Volunteer, {
      id: randomUUID(),
      tenantId,
      name: registration.name,
      phone: registration.phone ?? null,
      kind: registration.kind ?? 'resident',
      homeGridId: registration.homeGridId,
      skills: claims.map((claim) => claim.skill),
      skillClaims: claims,
      availability,
      weeklyTaskCap: registration.weeklyTaskCap ?? DEFAULT_WEEKLY_TASK_CAP,
      consentToContact: registration.consentToContact ?? false,
      teamId: registration.teamId ?? null,
      accountSubject: registration.accountSubject ?? null,
      offerCount: 0,
      registeredAt: new Date(),
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Volunteer, volunteer);
      await this.outbox.add(
        manager,
        VolunteerRegistered,
        {
          volunteerId: volunteer.id,
          tenantId,
          homeGridId: volunteer.homeGridId,
          skills: volunteer.skills,
          kind: volunteer.kind as VolunteerRegistration['kind'],
          teamId: volunteer.teamId,
        },
        EventContext.start(tenantId, correlationId),
      );
    });
    return volunteer;
  }

  private skillClaims(registration: VolunteerRegistration): SkillClaim[] {
    const unknown = registration.skills.flatMap((claim, i) =>
      isKnownSkill(claim.skill) ? [] : [{ field: `skills[${i}].skill`, reason: `unknown skill ${claim.skill}` }],
    );
    if (unknown.length > 0) throw VolunteerErrors.UNKNOWN_SKILL({ claims: unknown });
    const names = registration.skills.map((claim) => claim.skill);
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated) throw VolunteerErrors.DUPLICATE_SKILL(repeated);
    return registration.skills.map((claim) => ({
      skill: claim.skill,
      level: claim.level ?? 1,
      certificateId: claim.certificateId ?? null,
      certificateExpiresOn: claim.certificateExpiresOn ?? null,
    }));
  }
}
