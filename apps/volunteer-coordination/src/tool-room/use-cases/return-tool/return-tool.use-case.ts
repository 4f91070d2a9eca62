import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ToolReturned } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { DurableTimers } from '@gridline/scheduling';
import { toLoanView, ToolLoanView } from '../../tool-room.dto';
import { ToolRoomAccess } from '../../tool-room-access';
import { ToolRoomErrors } from '../../tool-room-errors';
import { OVERDUE_TIMER } from '../../tool-room.commands';
import { ReturnToolCommand } from './return-tool.command';
import { Tool, ToolLoan } from '../../tool.entity';

/**
 * A tool comes back (recorded by the borrower or a keeper) with its condition: the loan closes, the tool is
 * free again (or out of lending if broken), and the overdue reminder is cancelled — all in one transaction.
 */
@Injectable()
export class ReturnToolUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
    private readonly access: ToolRoomAccess,
  ) {}

  async execute({ tenantId, gridId, request, identity, correlationId }: ReturnToolCommand): Promise<ToolLoanView> {
    await this.access.assertToolRoom(tenantId, gridId);
    const absent = ToolRoomErrors.LOAN_NOT_FOUND(gridId, request.loanId);
    const visible = await this.dataSource.manager.findOneBy(ToolLoan, { tenantId, gridId, id: request.loanId });
    if (!visible) throw absent;
    if (
      visible.borrowerSubject !== identity.subject &&
      !(await this.access.staff.isStaffOf(identity, tenantId, gridId))
    )
      throw absent;
    return this.dataSource.transaction(async (manager) => {
      const tool = await manager.findOneOrFail(Tool, {
        where: { id: visible.toolId },
        lock: { mode: 'pessimistic_write' },
      });
      const loan = await manager.findOneOrFail(ToolLoan, {
        where: { id: visible.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (loan.returnedAt !== null) throw ToolRoomErrors.ALREADY_RETURNED(loan.id, loan.returnedAt);
      const returnedAt = new Date();
      await manager.update(ToolLoan, { id: loan.id }, { returnedAt, returnCondition: request.condition });
      await manager.update(Tool, { id: tool.id }, { currentLoanId: null, condition: request.condition });
      await this.timers.cancel(manager, loan.id, OVERDUE_TIMER);
      await this.outbox.add(
        manager,
        ToolReturned,
        {
          toolId: tool.id,
          tenantId,
          gridId,
          loanId: loan.id,
          returnedAt: returnedAt.toISOString(),
          condition: request.condition,
          overdue: returnedAt > loan.dueAt,
        },
        EventContext.start(tenantId, correlationId),
      );
      return toLoanView({ ...loan, returnedAt, returnCondition: request.condition });
    });
  }
}
