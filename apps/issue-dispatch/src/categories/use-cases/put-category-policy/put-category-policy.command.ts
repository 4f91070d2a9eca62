import type { HolderLevel } from '@gridline/contracts';

/** Seconds per holder level; a level left out uses the default. */
export type WindowsInput = Readonly<Partial<Record<HolderLevel, number>>>;

/** One Open311 question as a district administrator writes it (optional parts filled in when stored). */
export interface Open311AttributeInput {
  readonly code: string;
  readonly datatype: 'string' | 'singlevaluelist';
  readonly required: boolean;
  readonly description: string;
  readonly datatypeDescription?: string | null;
  readonly order: number;
  readonly values?: ReadonlyArray<{ readonly key: string; readonly name: string }>;
  readonly maxLength?: number;
}

export interface CategoryPolicyInput {
  readonly name: string;
  readonly ackWithinSeconds: WindowsInput;
  readonly resolveWithinSeconds?: WindowsInput;
  /** Left out or null: the common questions; empty: none. */
  readonly open311Attributes?: readonly Open311AttributeInput[] | null;
}

export interface PutCategoryPolicyCommand {
  readonly tenantId: string;
  readonly code: string;
  readonly policy: CategoryPolicyInput;
}
