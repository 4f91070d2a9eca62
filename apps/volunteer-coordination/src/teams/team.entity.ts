import { Column, Entity, PrimaryColumn } from 'typeorm';

export const teamKinds = ['university-class', 'party-branch', 'property-company', 'merchant-group', 'other'] as const;
export type TeamKind = (typeof teamKinds)[number];

/** A group volunteers belong to (a university class, a party branch, a property company); hours total by team. */
@Entity({ name: 'teams' })
export class Team {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: TeamKind;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
