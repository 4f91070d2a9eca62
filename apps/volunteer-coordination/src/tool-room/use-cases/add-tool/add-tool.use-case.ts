import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ToolAdded } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { toToolView, ToolView } from '../../tool-room.dto';
import { ToolRoomAccess } from '../../tool-room-access';
import { AddToolCommand } from './add-tool.command';
import { Tool } from '../../tool.entity';

/** A keeper (staff of the community or above) adds a tool to the community's tool room. */
@Injectable()
export class AddToolUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: ToolRoomAccess,
  ) {}

  async execute({ tenantId, gridId, request, identity, correlationId }: AddToolCommand): Promise<ToolView> {
    await this.access.assertToolRoom(tenantId, gridId);
    await this.access.assertKeeper(identity, tenantId, gridId);
    const tool = this.dataSource.manager.create(Tool, {
      id: randomUUID(),
      tenantId,
      gridId,
      name: request.name,
      kind: request.kind,
      condition: request.condition ?? 'good',
      currentLoanId: null,
      addedAt: new Date(),
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Tool, tool);
      await this.outbox.add(
        manager,
        ToolAdded,
        { toolId: tool.id, tenantId, gridId, name: tool.name, kind: tool.kind, condition: tool.condition },
        EventContext.start(tenantId, correlationId),
      );
    });
    return toToolView(tool);
  }
}
