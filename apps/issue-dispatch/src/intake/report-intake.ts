import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HttpIdempotency, Identity } from '@gridline/platform';
import { Issue } from '../issues/issue.entity';
import { ReportIssueCommand } from '../issues/use-cases/report-issue/report-issue.command';
import { ReportIssueUseCase } from '../issues/use-cases/report-issue/report-issue.use-case';
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
 * the first answer back, duplicates included — or, when that answer was lost with a crashed replica after the
 * case committed, the case as it stands now.
 */
@Injectable()
export class ReportIntake {
  constructor(
    private readonly reportIssue: ReportIssueUseCase,
    private readonly duplicates: PossibleDuplicates,
    private readonly idempotency: HttpIdempotency,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  submit(
    { idempotencyScope, idempotencyKey, reader, ...command }: IntakeRequest,
    fingerprint: unknown = command.report,
  ): Promise<ReportedIssueView> {
    const answer = async (issue: Issue): Promise<ReportedIssueView> => ({
      ...toIntakeIssueView(issue, reader),
      possibleDuplicates: await this.duplicates.of(issue),
    });
    return this.idempotency.run(
      idempotencyScope,
      idempotencyKey,
      fingerprint,
      async () => answer(await this.reportIssue.execute(command)),
      async (issueId) =>
        answer(await this.dataSource.manager.findOneByOrFail(Issue, { tenantId: command.tenantId, id: issueId })),
    );
  }
}
