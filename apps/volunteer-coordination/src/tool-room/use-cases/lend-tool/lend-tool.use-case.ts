import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ToolLent } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { DurableTimers } from '@gridline/scheduling';
import { updateReturning } from '../../../persistence/update-returning';
import { dueAtProblem, lendRefusal } from '../../domain/tool-loan-rules';
import { toLoanView, ToolLoanView } from '../../tool-room.dto';
import { ToolRoomAccess } from '../../tool-room-access';
import { ToolRoomErrors } from '../../tool-room-errors';
import { OVERDUE_TIMER } from '../../tool-room.commands';
import { LendToolCommand } from './lend-tool.command';
import { ToolLoan } from '../../tool.entity';

/**
 * Lends a tool to the caller until a due time. Race-safe: the tool row is claimed with
 * `UPDATE tools SET current_loan_id = … WHERE current_loan_id IS NULL AND condition <> 'broken'`, so of two
 * concurrent loans the second finds it taken once the first commits (409 TOOL_ALREADY_LENT); a partial unique
 * index on open loans backs it up. The overdue timer is set in the same transaction.
 */
@Injectable()
export class LendToolUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
    private readonly access: ToolRoomAccess,
  ) {}

  async execute({ tenantId, gridId, request, identity, correlationId }: LendToolCommand): Promise<ToolLoanView> {
    await this.access.assertToolRoom(tenantId, gridId);
    const now = new Date();
    const dueAt = new Date(request.dueAt);
    const problem = dueAtProblem(dueAt, now);
    if (problem) throw ToolRoomErrors.INVALID_DUE_DATE(problem);
    const loan = this.dataSource.manager.create(ToolLoan, {
      id: randomUUID(),
      tenantId,
      toolId: request.toolId,
      gridId,
      borrowerSubject: identity.subject,
      borrowerName: identity.name,
      lentAt: now,
      dueAt,
      returnedAt: null,
      returnCondition: null,
      overdueReminders: 0,
    });
    return this.dataSource.transaction(async (manager) => {
      const claimed = await updateReturning(
        manager,
        `UPDATE tools SET current_loan_id = $4 WHERE tenant_id = $1 AND grid_id = $2 AND id = $3 AND current_loan_id IS NULL AND condition <> 'broken' RETURNING id`,
        [tenantId, gridId, request.toolId, loan.id],
      );
      if (claimed.length === 0) {
        const refusal = lendRefusal(await this.access.tool(manager, tenantId, gridId, request.toolId));
        // Lent and returned again meanwhile: still the answer a borrower can act on (try again).
        throw ToolRoomErrors[refusal?.code ?? 'TOOL_ALREADY_LENT'](
          request.toolId,
          refusal?.reason ?? 'the tool is out on loan',
        );
      }
      await manager.insert(ToolLoan, loan);
      await this.timers.schedule(manager, { tenantId, kind: OVERDUE_TIMER, aggregateId: loan.id, dueAt });
      await this.outbox.add(
        manager,
        ToolLent,
        {
          toolId: request.toolId,
          tenantId,
          gridId,
          loanId: loan.id,
          lentAt: now.toISOString(),
          dueAt: dueAt.toISOString(),
        },
        EventContext.start(tenantId, correlationId),
      );
      return toLoanView(loan);
    });
  }
}
