import type { HolderLevel } from '@gridline/contracts';

/** The board's filters and page, as the use case takes them whoever asks (the HTTP query implements this). */
export interface ListBoardCommand {
  readonly level?: HolderLevel;
  /** 'true': only cases past their current deadline; 'false': only the others. */
  readonly overdue?: 'true' | 'false';
  /** 'true': only critical cases (escalated to the city centre); 'false': only the others. */
  readonly critical?: 'true' | 'false';
  readonly category?: string;
  readonly gridId?: string;
  readonly limit?: number;
  readonly offset?: number;
}
