import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { Identity, NotFoundError, UnprocessableError } from '@gridline/platform';
import { GridStaff } from '../access/grid-staff';
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
    if (!grid) throw new NotFoundError('TOOL_ROOM_NOT_FOUND', `grid ${gridId} is not in district ${tenantId}`);
    if (grid.level !== 'community')
      throw new UnprocessableError(
        'NOT_A_COMMUNITY',
        `grid ${gridId} is a ${grid.level}; tool rooms belong to communities`,
        [{ field: 'gridId', reason: 'not a community' }],
      );
  }

  assertKeeper(identity: Identity, tenantId: string, gridId: string): Promise<void> {
    return this.staff.assertStaffOf(identity, tenantId, gridId, 'this tool room');
  }

  async tool(manager: EntityManager, tenantId: string, gridId: string, toolId: string): Promise<Tool> {
    const tool = await manager.findOneBy(Tool, { tenantId, gridId, id: toolId });
    if (!tool) throw new NotFoundError('TOOL_NOT_FOUND', `tool ${toolId} is not in the tool room of ${gridId}`);
    return tool;
  }
}
