import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A deadline stored in PostgreSQL: it survives restarts, and a row lock taken when it fires makes it fire once
 * however many replicas poll. Fired timers are deleted in the transaction that ran their handler.
 */
@Entity({ name: 'durable_timers' })
export class DurableTimer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  /** Which handler runs it, e.g. `issue.ack-deadline`. */
  @Column({ type: 'text' })
  kind: string;

  /** The aggregate the timer watches, e.g. an issue id; used to cancel its timers. */
  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** W3C traceparent of the work that scheduled it; its firing continues that trace (ADR 0029). */
  @Column({ name: 'trace_parent', type: 'text', nullable: true })
  traceParent: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
