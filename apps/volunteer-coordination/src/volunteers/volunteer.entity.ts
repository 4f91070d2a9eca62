import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A registered volunteer of one district. Name and phone are personal data: they never leave this service. */
@Entity({ name: 'volunteers' })
export class Volunteer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'home_grid_id', type: 'text' })
  homeGridId: string;

  @Column({ type: 'text', array: true })
  skills: string[];

  /** How many task offers this volunteer has received; matching prefers the least asked. */
  @Column({ name: 'offer_count', type: 'int' })
  offerCount: number;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
