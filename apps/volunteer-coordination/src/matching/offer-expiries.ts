import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CopiesKeptBriefly } from '@gridline/platform';
import { HELP_POLICY_CACHE_MS } from '../help-categories/help-policy-config';
import { DEFAULT_OFFER_EXPIRY_SECONDS, VolunteerSettings } from './volunteer-settings.entity';

/**
 * How long a district's offers stand, as every new offer reads it: kept HELP_POLICY_CACHE_SECONDS (ADR 0042), a
 * district without settings included. A PUT through this replica applies to its next offer at once; another
 * replica's within that time. An offer keeps the expiry it was made with either way.
 */
@Injectable()
export class OfferExpiries {
  private readonly copies: CopiesKeptBriefly<VolunteerSettings>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(HELP_POLICY_CACHE_MS) keepMs: number,
  ) {
    this.copies = new CopiesKeptBriefly({ keepMs, keepMissing: true });
  }

  async seconds(tenantId: string): Promise<number> {
    const settings = await this.copies.find([tenantId], () =>
      this.dataSource.manager.findOneBy(VolunteerSettings, { tenantId }),
    );
    return settings?.offerExpirySeconds ?? DEFAULT_OFFER_EXPIRY_SECONDS;
  }

  /** The district's settings changed (their PUT committed). */
  forget(tenantId: string): void {
    this.copies.forget([tenantId]);
  }
}
