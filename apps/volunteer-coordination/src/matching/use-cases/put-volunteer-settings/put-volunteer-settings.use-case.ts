import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { OfferExpiries } from '../../offer-expiries';
import { VolunteerSettingsView } from '../../volunteer-settings.dto';
import { VolunteerSettings } from '../../volunteer-settings.entity';
import { VolunteerSettingsInput } from './put-volunteer-settings.command';

/**
 * Sets a district's offer expiry; offers already made keep the expiry they were made with. Putting the same body
 * twice leaves one row.
 */
@Injectable()
export class PutVolunteerSettingsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly expiries: OfferExpiries,
  ) {}

  async execute(tenantId: string, body: VolunteerSettingsInput): Promise<VolunteerSettingsView> {
    await this.grids.requireTenant(tenantId);
    await this.dataSource.manager.upsert(VolunteerSettings, { tenantId, offerExpirySeconds: body.offerExpirySeconds }, [
      'tenantId',
    ]);
    this.expiries.forget(tenantId);
    return { tenantId, offerExpirySeconds: body.offerExpirySeconds };
  }
}
