import { ApiProperty } from '@nestjs/swagger';
import { CaseView } from '../issue-view';

export class QueuedCaseView extends CaseView {
  @ApiProperty({
    example: '2026-12-03T01:58:00.000Z',
    description: 'When the case entered the queue: when it was reported, or when a grid last returned it.',
  })
  queuedSince: string;
  @ApiProperty({ example: 420, description: '`asOf` minus `queuedSince`, in whole seconds.' })
  waitingSeconds: number;
}

/** One page of the dispatch centre's queue, read at `asOf`. */
export class QueuePageView {
  @ApiProperty({
    example: '2026-12-03T02:05:00.000Z',
    description: 'The instant the page was read; `waitingSeconds` counts to it.',
  })
  asOf: string;
  @ApiProperty({ example: 3, description: 'Cases in the queue now, over all pages.' })
  total: number;
  @ApiProperty({ example: 50 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
  @ApiProperty({ type: [QueuedCaseView], description: 'Oldest report first.' })
  items: QueuedCaseView[];
}
