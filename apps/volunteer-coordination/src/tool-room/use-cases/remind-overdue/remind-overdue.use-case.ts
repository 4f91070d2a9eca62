import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ToolLoanOverdue, ToolLoanOverdueReminder } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { DurableTimer, DurableTimers, TimerPoller } from '@gridline/scheduling';
import { overdueReminderAt } from '../../domain/tool-loan-rules';
import { OVERDUE_TIMER } from '../../tool-room.commands';
import { Tool, ToolLoan } from '../../tool.entity';

/**
 * A loan's due time passed without a return: announce it (public, no borrower) and remind the borrower
 * (internal topic), then set the next reminder a day later. Returning the tool deletes the timer in the return's
 * transaction, and a loan found returned here sends nothing, so no reminder follows a return.
 */
@Injectable()
export class RemindOverdueUseCase implements OnModuleInit {
  constructor(
    private readonly poller: TimerPoller,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.poller.register(OVERDUE_TIMER, (timer, manager) => this.onOverdue(timer, manager));
  }

  private async onOverdue(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const loan = await manager.findOne(ToolLoan, {
      where: { tenantId: timer.tenantId, id: timer.aggregateId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!loan || loan.returnedAt !== null) return;
    const tool = await manager.findOneByOrFail(Tool, { id: loan.toolId });
    const reminderNumber = loan.overdueReminders + 1;
    await manager.update(ToolLoan, { id: loan.id }, { overdueReminders: reminderNumber });
    const context = EventContext.start(loan.tenantId, `tool-loan:${loan.id}`);
    const facts = {
      toolId: tool.id,
      tenantId: loan.tenantId,
      gridId: loan.gridId,
      loanId: loan.id,
      dueAt: loan.dueAt.toISOString(),
      reminderNumber,
    };
    await this.outbox.add(manager, ToolLoanOverdue, facts, context);
    await this.outbox.add(
      manager,
      ToolLoanOverdueReminder,
      { ...facts, borrowerSubject: loan.borrowerSubject, toolName: tool.name },
      context,
    );
    await this.timers.schedule(manager, {
      tenantId: loan.tenantId,
      kind: OVERDUE_TIMER,
      aggregateId: loan.id,
      dueAt: overdueReminderAt(loan.dueAt, reminderNumber + 1),
    });
  }
}
