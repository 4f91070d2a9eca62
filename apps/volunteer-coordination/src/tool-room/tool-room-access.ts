import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { Identity } from '@gridline/platform';
import { GridStaff } from '../access/grid-staff';
import { ToolRoomErrors } from './tool-room-errors';
import { Tool } from './tool.entity';

/** A community's tool room within one district, and who keeps it (staff of the community or above). */
@Injectable()
export class ToolRoomAccess {
  constructor(
    private readonly grids: GridTree,
    readonly staff: GridStaff,
  ) {}

  /** The grid must be a community of the district: tool rooms are per community (社区). */
  async assertToolRoom(tenantId: string, gridId: string): Promise<void> {
    await this.grids.requireTenant(tenantId);
    const grid = await this.grids.grid(tenantId, gridId);
    if (!grid) throw ToolRoomErrors.TOOL_ROOM_NOT_FOUND(tenantId, gridId);
    if (grid.level !== 'community') throw ToolRoomErrors.NOT_A_COMMUNITY(gridId, grid.level);
  }

  assertKeeper(identity: Identity, tenantId: string, gridId: string): Promise<void> {
    return this.staff.assertStaffOf(identity, tenantId, gridId, 'this tool room');
  }

  async tool(manager: EntityManager, tenantId: string, gridId: string, toolId: string): Promise<Tool> {
    const tool = await manager.findOneBy(Tool, { tenantId, gridId, id: toolId });
    if (!tool) throw ToolRoomErrors.TOOL_NOT_FOUND(gridId, toolId);
    return tool;
  }
}
