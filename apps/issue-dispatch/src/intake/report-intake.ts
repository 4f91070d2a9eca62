import { Injectable } from '@nestjs/common';
import { HttpIdempotency, Identity } from '@gridline/platform';
import { ReportIssueCommand, ReportIssueUseCase } from '../issues/use-cases/report-issue/report-issue.use-case';
import { PossibleDuplicates } from './duplicates/possible-duplicates';
import { ReportedIssueView, toIntakeIssueView } from './reported-issue-view';

export interface IntakeRequest extends ReportIssueCommand {
  /** Whose Idempotency-Key space this is (a person, or an Open311 app): two callers never share one. */
  readonly idempotencyScope: string;
  readonly idempotencyKey: string | undefined;
  /** Who reads the answer: the contact is in it only for them if they may read it. Null for an Open311 app. */
  readonly reader: Identity | null;
}

/**
 * The one way a report comes in, whichever door it used (REST or Open311): Idempotency-Key, the report use
 * case (routing, outbox events, timer), then the likely duplicates to offer. A retry with the same key gets
 * the first answer back, duplicates included.
 */
@Injectable()
export class ReportIntake {
  constructor(
    private readonly reportIssue: ReportIssueUseCase,
    private readonly duplicates: PossibleDuplicates,
    private readonly idempotency: HttpIdempotency,
  ) {}

  submit({ idempotencyScope, idempotencyKey, reader, ...command }: IntakeRequest, fingerprint: unknown = command.report): Promise<ReportedIssueView> {
    return this.idempotency.run(idempotencyScope, idempotencyKey, fingerprint, async () => {
      const issue = await this.reportIssue.execute(command);
      return { ...toIntakeIssueView(issue, reader), possibleDuplicates: await this.duplicates.of(issue) };
    });
  }
}
