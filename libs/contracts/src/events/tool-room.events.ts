import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';

export const toolConditions = ['good', 'worn', 'broken'] as const;
export const toolConditionSchema = z.enum(toolConditions);
export type ToolCondition = z.infer<typeof toolConditionSchema>;
/** ladder, drill, lock-tool, drain-tool, … : a tool room keeps 30+ kinds, so a pattern, not a closed list. */
export const toolKindSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'tool kind: lowercase words joined by dashes');

const toolFacts = { toolId: idSchema, tenantId: tenantIdSchema, gridId: idSchema };

export const ToolAdded = defineEvent({
  type: 'gridline.tool-room.tool-added',
  topic: Topics.toolLoans.name,
  schema: z.object({
    ...toolFacts,
    name: z.string().min(1).max(60),
    kind: toolKindSchema,
    condition: toolConditionSchema,
  }),
  subjectOf: (d) => d.toolId,
  description: "A tool joined a community's tool room (共享工具房).",
});

export const ToolConditionChanged = defineEvent({
  type: 'gridline.tool-room.condition-changed',
  topic: Topics.toolLoans.name,
  schema: z.object({ ...toolFacts, condition: toolConditionSchema, previousCondition: toolConditionSchema }),
  subjectOf: (d) => d.toolId,
  description: 'The keeper recorded a new condition (repaired, worn, broken) outside a return.',
});

export const ToolLent = defineEvent({
  type: 'gridline.tool-room.tool-lent',
  topic: Topics.toolLoans.name,
  schema: z.object({ ...toolFacts, loanId: idSchema, lentAt: isoTimeSchema, dueAt: isoTimeSchema }),
  subjectOf: (d) => d.toolId,
  description: 'A resident borrowed a tool until a due time (no borrower on this public topic).',
});

export const ToolReturned = defineEvent({
  type: 'gridline.tool-room.tool-returned',
  topic: Topics.toolLoans.name,
  schema: z.object({
    ...toolFacts,
    loanId: idSchema,
    returnedAt: isoTimeSchema,
    condition: toolConditionSchema,
    overdue: z.boolean(),
  }),
  subjectOf: (d) => d.toolId,
  description: 'A lent tool came back, with its condition on return; a broken one is not lent again until repaired.',
});

export const ToolLoanOverdue = defineEvent({
  type: 'gridline.tool-room.loan-overdue',
  topic: Topics.toolLoans.name,
  schema: z.object({ ...toolFacts, loanId: idSchema, dueAt: isoTimeSchema, reminderNumber: z.number().int().min(1) }),
  subjectOf: (d) => d.toolId,
  description: 'A loan passed its due time without a return (then once a day until returned).',
});

export const ToolLoanOverdueReminder = defineEvent({
  type: 'gridline.tool-room.overdue-reminder',
  topic: Topics.reminders.name,
  schema: z.object({
    ...toolFacts,
    loanId: idSchema,
    /** The borrower's identity subject, for the notifier. */
    borrowerSubject: z.string().min(1).max(200),
    toolName: z.string().min(1).max(60),
    dueAt: isoTimeSchema,
    reminderNumber: z.number().int().min(1),
  }),
  subjectOf: (d) => d.loanId,
  description: 'INTERNAL: remind the borrower to bring an overdue tool back.',
});
