import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@gridline/platform';
import { keysetPage, KeysetOrder } from '../http/keyset-page';
import { OccurrenceAccess } from './occurrence-access';
import { ListSignUpsQuery } from './service-event.params';
import { SignUpPage, SignUpView, toSignUpView } from './service-event.views';
import { OccurrencePool } from './service-occurrence.entity';
import { ServiceSignUp } from './service-sign-up.entity';

const firstSignedUpFirst: KeysetOrder = {
  property: 'signedUpAt',
  column: 'signed_up_at',
  table: 'service_sign_ups',
  direction: 'ASC',
};

/**
 * The sign-ups of one occurrence, as their maker or the event's staff may see them, each waitlisted one with
 * its current place in line. That place is counted when read, since cancellations ahead move it.
 */
@Injectable()
export class ServiceSignUpsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OccurrenceAccess,
  ) {}

  /** In the order they were made, keyset-paged on (signed up at, id); staff of the event's grid only. */
  async page(
    tenantId: string,
    occurrenceId: string,
    filter: ListSignUpsQuery,
    identity: Identity,
  ): Promise<SignUpPage> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    await this.access.assertStaffOnGrid(identity, tenantId, occurrence.gridId);
    const query = this.dataSource.manager
      .createQueryBuilder(ServiceSignUp, 's')
      .where('s.tenantId = :tenantId AND s.occurrenceId = :occurrenceId', { tenantId, occurrenceId });
    if (filter.status !== undefined) query.andWhere('s.status = :status', { status: filter.status });
    const { items, next } = await keysetPage(query, firstSignedUpFirst, tenantId, filter);
    const names = new Map(
      (await this.dataSource.manager.findBy(OccurrencePool, { occurrenceId })).map((p) => [p.id, p.name]),
    );
    const views = await Promise.all(
      items.map(async (s) => toSignUpView(s, names.get(s.poolId) as string, await this.waitlistPosition(s))),
    );
    return { items: views, next };
  }

  /** One sign-up for its maker or staff; to anyone else it looks absent (404). */
  async get(tenantId: string, occurrenceId: string, signUpId: string, identity: Identity): Promise<SignUpView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    const signUp = await this.access.signUp(identity, occurrence, signUpId);
    const pool = await this.dataSource.manager.findOneByOrFail(OccurrencePool, { id: signUp.poolId });
    return toSignUpView(signUp, pool.name, await this.waitlistPosition(signUp));
  }

  private async waitlistPosition(signUp: ServiceSignUp): Promise<number | null> {
    if (signUp.status !== 'waitlisted' || signUp.waitlistSeq === null) return null;
    const [{ position }] = (await this.dataSource.manager.query(
      `SELECT count(*)::int AS position FROM service_sign_ups WHERE pool_id = $1 AND status = 'waitlisted' AND waitlist_seq <= $2`,
      [signUp.poolId, signUp.waitlistSeq],
    )) as Array<{ position: number }>;
    return position;
  }
}
