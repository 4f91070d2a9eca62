import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VolunteerSettingsView } from './volunteer-settings.dto';
import { DEFAULT_OFFER_EXPIRY_SECONDS, VolunteerSettings } from './volunteer-settings.entity';

/** A district's matching settings as they apply now: the defaults for a district that never set them. */
@Injectable()
export class VolunteerSettingsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(tenantId: string): Promise<VolunteerSettingsView> {
    const settings = await this.dataSource.manager.findOneBy(VolunteerSettings, { tenantId });
    return { tenantId, offerExpirySeconds: settings?.offerExpirySeconds ?? DEFAULT_OFFER_EXPIRY_SECONDS };
  }
}
