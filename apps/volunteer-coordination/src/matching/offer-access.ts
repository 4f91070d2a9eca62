import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { assertCanActOnGrid, Identity, PlatformErrors } from '@gridline/platform';
import { Volunteer } from '../volunteers/volunteer.entity';
import { residentIsTheVolunteer } from '../volunteers/volunteer-self';
import { MatchingErrors } from './matching-errors';
import { TaskOffer } from './task-offer.entity';

/**
 * Who may move an offer along. District staff: any offer of the district. A grid leader or worker: offers for
 * tasks in their grid or below. The volunteer themselves (a resident token whose subject is the volunteer's
 * account): answering, checking in and out — but not confirming completion, which credits hours.
 */
@Injectable()
export class OfferAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  async assert(
    identity: Identity,
    tenantId: string,
    offerId: string,
    purpose: 'answer' | 'confirm',
  ): Promise<TaskOffer> {
    const offer = await this.dataSource.manager.findOneBy(TaskOffer, { tenantId, id: offerId });
    // Not telling a resident whether someone else's offer exists.
    const notFound = () => MatchingErrors.OFFER_NOT_FOUND(tenantId, offerId);
    if (!offer) throw notFound();
    const self = residentIsTheVolunteer(
      identity,
      await this.dataSource.manager.findOneBy(Volunteer, { tenantId, id: offer.volunteerId }),
    );
    if (self === false) throw notFound();
    if (self === true) {
      if (purpose === 'confirm')
        throw PlatformErrors.FORBIDDEN_ROLE('a volunteer cannot confirm their own task: the grid does');
      return offer;
    }
    const lineage = (await this.grids.lineage(tenantId, offer.issueGridId)).map((grid) => grid.gridId);
    assertCanActOnGrid(identity, lineage, `the task of offer ${offerId}`);
    return offer;
  }
}
