import type { ToolCondition } from '../../domain/tool-loan-rules';
import type { ToolRoomCommand } from '../../tool-room.commands';

/** A tool to put in a community's tool room. */
export interface ToolToAdd {
  readonly name: string;
  readonly kind: string;
  /** Default good. */
  readonly condition?: ToolCondition;
}

export type AddToolCommand = ToolRoomCommand<ToolToAdd>;
