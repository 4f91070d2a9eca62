import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { assertCanActOnGrid, Identity } from '@gridline/platform';
import { checkedAvailability } from '../../availability-input';
import { Volunteer } from '../../volunteer.entity';
import { VolunteerErrors } from '../../volunteer-errors';
import { residentIsTheVolunteer } from '../../volunteer-self';
import { VolunteerChange } from './update-volunteer.command';

/**
 * Changes a volunteer's availability, weekly cap or consent — staff of the home grid, or the volunteer through
 * their own account (to anyone else a volunteer looks absent). Checked first, then written: bad input changes nothing.
 * Offers already made stand; the next ranking sees the change.
 */
@Injectable()
export class UpdateVolunteerUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  async execute(
    tenantId: string,
    volunteerId: string,
    change: VolunteerChange,
    identity: Identity,
  ): Promise<Volunteer> {
    const volunteer = await this.dataSource.manager.findOneBy(Volunteer, { tenantId, id: volunteerId });
    const notFound = () => VolunteerErrors.VOLUNTEER_NOT_FOUND(tenantId, volunteerId);
    if (!volunteer) throw notFound();
    const self = residentIsTheVolunteer(identity, volunteer);
    if (self === false) throw notFound();
    if (self === null) {
      assertCanActOnGrid(
        identity,
        (await this.grids.lineage(tenantId, volunteer.homeGridId)).map((grid) => grid.gridId),
        "the volunteer's home grid",
      );
    }
    const availability =
      change.availability === undefined ? volunteer.availability : checkedAvailability(change.availability);
    volunteer.availability = availability;
    volunteer.weeklyTaskCap = change.weeklyTaskCap ?? volunteer.weeklyTaskCap;
    volunteer.consentToContact = change.consentToContact ?? volunteer.consentToContact;
    await this.dataSource.manager.update(
      Volunteer,
      { tenantId, id: volunteerId },
      {
        availability: volunteer.availability,
        weeklyTaskCap: volunteer.weeklyTaskCap,
        consentToContact: volunteer.consentToContact,
      },
    );
    return volunteer;
  }
}
