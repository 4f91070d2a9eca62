import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SignUpStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** A resident's place in a slot or a volunteer's in a shift, or their place on its waitlist. */
@Entity({ name: 'service_sign_ups' })
export class ServiceSignUp {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  @Column({ name: 'occurrence_id', type: 'uuid' }) occurrenceId: string;
  @Column({ name: 'pool_id', type: 'uuid' }) poolId: string;
  @Column({ type: 'text' }) role: 'resident' | 'volunteer';
  /** `resident:<subject>` or `volunteer:<id>`: one live sign-up per person, occurrence and role. */
  @Column({ name: 'person_key', type: 'text' }) personKey: string;
  @Column({ name: 'resident_subject', type: 'text', nullable: true }) residentSubject: string | null;
  @Column({ name: 'volunteer_id', type: 'uuid', nullable: true }) volunteerId: string | null;
  @Column({ name: 'signed_up_by', type: 'text' }) signedUpBy: string;
  @Column({ type: 'text' }) status: SignUpStatus;
  @Column({ name: 'waitlist_seq', type: 'int', nullable: true }) waitlistSeq: number | null;
  @Column({ name: 'signed_up_at', type: 'timestamptz' }) signedUpAt: Date;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true }) checkedOutAt: Date | null;
  @Column({ name: 'attended_minutes', type: 'int', nullable: true }) attendedMinutes: number | null;
}
