import type { ToolCondition } from '../../domain/tool-loan-rules';
import type { ToolRoomCommand } from '../../tool-room.commands';

/** A borrowed tool coming back. */
export interface ToolReturn {
  /** The condition it came back in. */
  readonly condition: ToolCondition;
}

export type ReturnToolCommand = ToolRoomCommand<ToolReturn & { readonly loanId: string }>;
