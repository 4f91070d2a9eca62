import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How long a volunteer has to answer an offer before it lapses and the next candidate is asked. */
export const DEFAULT_OFFER_EXPIRY_SECONDS = 15 * 60;

/** A district's matching settings; a district without a row uses the defaults. */
@Entity({ name: 'volunteer_settings' })
export class VolunteerSettings {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'offer_expiry_seconds', type: 'int' })
  offerExpirySeconds: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
