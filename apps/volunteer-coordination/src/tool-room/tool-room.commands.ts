import { Identity } from '@gridline/platform';

/** Who acts on which community's tool room, with what request. */
export interface ToolRoomCommand<TRequest> {
  readonly tenantId: string;
  readonly gridId: string;
  readonly request: TRequest;
  readonly identity: Identity;
  readonly correlationId: string;
}

export const OVERDUE_TIMER = 'tool-room.overdue';
