import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { AccessRoute, ContactAccessLog } from '@gridline/personal-data';
import { assertCanActOnGrid, Identity } from '@gridline/platform';
import { keysetPage, KeysetOrder } from '../http/keyset-page';
import { PageQuery } from '../http/page-query';
import { Volunteer } from './volunteer.entity';
import { VolunteerErrors } from './volunteer-errors';
import { toVolunteerView, VolunteerContactView, VolunteerPage, VolunteerView } from './volunteer-view';

const oldestRegistrationFirst: KeysetOrder = {
  property: 'registeredAt',
  column: 'registered_at',
  table: 'volunteers',
  direction: 'ASC',
};

/** Read side of a district's volunteers: pages, one volunteer, and their contact for staff who must call them. */
@Injectable()
export class VolunteersReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly accessLog: ContactAccessLog,
  ) {}

  /** Oldest registration first, keyset-paged on (registered at, id). */
  async page(tenantId: string, page: PageQuery): Promise<VolunteerPage> {
    const query = this.dataSource.manager
      .createQueryBuilder(Volunteer, 'v')
      .where('v.tenantId = :tenantId', { tenantId });
    const { items, next } = await keysetPage(query, oldestRegistrationFirst, tenantId, page);
    return { items: items.map(toVolunteerView), next };
  }

  async get(tenantId: string, volunteerId: string): Promise<VolunteerView> {
    return toVolunteerView(await this.find(tenantId, volunteerId));
  }

  /**
   * Name and phone, for staff of the volunteer's home grid or above, and only with the volunteer's consent
   * (403 NO_CONSENT). Every answer is recorded in the contact access log before it is given.
   */
  async contact(
    tenantId: string,
    volunteerId: string,
    identity: Identity,
    via: AccessRoute,
  ): Promise<VolunteerContactView> {
    const volunteer = await this.find(tenantId, volunteerId);
    const lineage = (await this.grids.lineage(tenantId, volunteer.homeGridId)).map((grid) => grid.gridId);
    assertCanActOnGrid(identity, lineage, "the volunteer's home grid");
    if (!volunteer.consentToContact) throw VolunteerErrors.NO_CONSENT(volunteerId);
    await this.accessLog.record(identity, via, {
      tenantId,
      memberId: volunteer.id,
      fields: ['name', 'phone'],
      purpose: 'volunteer-contact',
    });
    return { volunteerId: volunteer.id, name: volunteer.name, phone: volunteer.phone };
  }

  private async find(tenantId: string, volunteerId: string): Promise<Volunteer> {
    const volunteer = await this.dataSource.manager.findOneBy(Volunteer, { tenantId, id: volunteerId });
    if (!volunteer) throw VolunteerErrors.VOLUNTEER_NOT_FOUND(tenantId, volunteerId);
    return volunteer;
  }
}
