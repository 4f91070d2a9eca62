import type { ToolCondition } from '../../domain/tool-loan-rules';
import type { ToolRoomCommand } from '../../tool-room.commands';

/** The condition a tool is in now. */
export interface ToolConditionChange {
  readonly condition: ToolCondition;
}

export type SetToolConditionCommand = ToolRoomCommand<ToolConditionChange & { readonly toolId: string }>;
