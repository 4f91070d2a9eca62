import type { ToolRoomCommand } from '../../tool-room.commands';

/** A loan to open. */
export interface ToolLoanRequest {
  /** ISO 8601 date-time: when it must be back. */
  readonly dueAt: string;
}

export type LendToolCommand = ToolRoomCommand<ToolLoanRequest & { readonly toolId: string }>;
