import type { NewGridLeader } from '../../grid-leader.command';

export interface ReplaceGridLeaderCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly leader: NewGridLeader;
  readonly correlationId: string;
}
