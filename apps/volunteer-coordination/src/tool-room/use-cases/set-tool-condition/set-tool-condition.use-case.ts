import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ToolConditionChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { toToolView, ToolView } from '../../tool-room.dto';
import { ToolRoomAccess } from '../../tool-room-access';
import { SetToolConditionCommand } from './set-tool-condition.command';
import { Tool } from '../../tool.entity';

/** The keeper records a tool's condition outside a return: repaired (good again), worn, broken. */
@Injectable()
export class SetToolConditionUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: ToolRoomAccess,
  ) {}

  async execute({ tenantId, gridId, request, identity, correlationId }: SetToolConditionCommand): Promise<ToolView> {
    await this.access.assertToolRoom(tenantId, gridId);
    await this.access.assertKeeper(identity, tenantId, gridId);
    return this.dataSource.transaction(async (manager) => {
      await this.access.tool(manager, tenantId, gridId, request.toolId);
      const tool = await manager.findOneOrFail(Tool, {
        where: { id: request.toolId },
        lock: { mode: 'pessimistic_write' },
      });
      if (tool.condition !== request.condition) {
        await manager.update(Tool, { id: tool.id }, { condition: request.condition });
        await this.outbox.add(
          manager,
          ToolConditionChanged,
          { toolId: tool.id, tenantId, gridId, condition: request.condition, previousCondition: tool.condition },
          EventContext.start(tenantId, correlationId),
        );
      }
      return toToolView({ ...tool, condition: request.condition });
    });
  }
}
