import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RoleGrant } from '@gridline/platform';

/**
 * One HTTP answer that revealed a contact: who read it (token subject, name and roles), when, in which district,
 * whose contact (a case's reporter or a grid member) and through which route for what purpose. Rows are only
 * ever inserted: the table refuses UPDATE and DELETE (trigger, see contact-access-log.tables.ts).
 */
@Entity({ name: 'contact_access_log' })
export class ContactAccessLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'reader_subject', type: 'text' })
  readerSubject: string;

  @Column({ name: 'reader_name', type: 'text', nullable: true })
  readerName: string | null;

  @Column({ name: 'reader_roles', type: 'jsonb' })
  readerRoles: RoleGrant[];

  /** The case whose reporter's contact was read (issue-dispatch). */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** The grid member whose phone was read (grid-registry). */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  /** Which contact fields the answer carried, e.g. `{name,phone,email}`. */
  @Column({ type: 'text', array: true })
  fields: string[];

  /** Method and route template, e.g. `GET /v1/tenants/:tenantId/issues/:issueId`. */
  @Column({ type: 'text' })
  route: string;

  /** Why the answer carried it, e.g. `case-view`, `report-answer`, `own-contact`, `member-contact`. */
  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
