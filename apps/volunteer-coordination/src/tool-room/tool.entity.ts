import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ToolCondition } from './domain/tool-loan-rules';

/** A tool of one community's tool room. `currentLoanId` is set while it is out: the row is the lending lock. */
@Entity({ name: 'tools' })
export class Tool {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  @Column({ name: 'grid_id', type: 'text' }) gridId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) condition: ToolCondition;
  @Column({ name: 'current_loan_id', type: 'uuid', nullable: true }) currentLoanId: string | null;
  @Column({ name: 'added_at', type: 'timestamptz' }) addedAt: Date;
}

/** One borrowing of a tool by a resident (their identity subject), until it is returned. */
@Entity({ name: 'tool_loans' })
export class ToolLoan {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  @Column({ name: 'tool_id', type: 'uuid' }) toolId: string;
  @Column({ name: 'grid_id', type: 'text' }) gridId: string;
  @Column({ name: 'borrower_subject', type: 'text' }) borrowerSubject: string;
  /** The borrower's display name from their token when they borrowed (null if the token had none, or before it was kept). */
  @Column({ name: 'borrower_name', type: 'text', nullable: true }) borrowerName: string | null;
  @Column({ name: 'lent_at', type: 'timestamptz' }) lentAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @Column({ name: 'return_condition', type: 'text', nullable: true }) returnCondition: ToolCondition | null;
  @Column({ name: 'overdue_reminders', type: 'int' }) overdueReminders: number;
}
