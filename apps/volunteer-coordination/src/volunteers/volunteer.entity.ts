import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Availability } from './domain/availability';
import type { SkillClaim } from './domain/skill-claim';

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

  /** The skill names alone (GIN-indexed), for gathering candidates; the levels and certificates are in skillClaims. */
  @Column({ type: 'text', array: true })
  skills: string[];

  @Column({ name: 'skill_claims', type: 'jsonb' })
  skillClaims: SkillClaim[];

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'jsonb' })
  availability: Availability;

  @Column({ name: 'weekly_task_cap', type: 'int' })
  weeklyTaskCap: number;

  /** Whether the volunteer agreed to be contacted by phone; without it the phone is never shown, even internally. */
  @Column({ name: 'consent_to_contact', type: 'boolean' })
  consentToContact: boolean;

  /** The `sub` of the volunteer's own account, if any: lets them answer their offers themselves. */
  @Column({ name: 'account_subject', type: 'text', nullable: true })
  accountSubject: string | null;

  /** How many task offers this volunteer has received (shown in the API; fairness counts recent tasks instead). */
  @Column({ name: 'offer_count', type: 'int' })
  offerCount: number;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
