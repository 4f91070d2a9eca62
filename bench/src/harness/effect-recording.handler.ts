import { Injectable } from '@nestjs/common';
import { CloudEvent, IssueReported } from '@gridline/contracts';
import { EventHandler, HandlingContext, isEvent } from '@gridline/messaging';
import { now } from './measure';

/**
 * The consumer benchmark's handler: one INSERT in the inbox transaction, the smallest effect a real
 * projection has. It notes when the first event arrived, in case that was before the application context
 * finished booting.
 */
@Injectable()
export class EffectRecordingHandler implements EventHandler {
  readonly handles = [IssueReported];
  firstEventAt: number | null = null;

  async handle(event: CloudEvent, context: HandlingContext): Promise<void> {
    this.firstEventAt ??= now();
    if (!isEvent(event, IssueReported)) return;
    await context.manager.query(`INSERT INTO bench_effects (event_id, issue_id) VALUES ($1, $2)`, [event.id, event.data.issueId]);
  }
}

/**
 * The same effect written set-based (ADR 0033): the batch's rows in one multi-row INSERT, as the hot projections
 * write theirs. `handle` stays for events handled alone.
 */
@Injectable()
export class SetBasedEffectHandler extends EffectRecordingHandler {
  async handleMany(events: readonly CloudEvent[], context: HandlingContext): Promise<void> {
    this.firstEventAt ??= now();
    const reported = events.filter((event) => isEvent(event, IssueReported));
    await context.manager.query(`INSERT INTO bench_effects (event_id, issue_id) SELECT * FROM unnest($1::text[], $2::text[])`, [
      reported.map((event) => event.id),
      reported.map((event) => (event.data as { issueId: string }).issueId),
    ]);
  }
}
