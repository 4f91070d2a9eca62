import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessRoute } from '@gridline/personal-data';
import { HttpIdempotency, Identity } from '@gridline/platform';
import { Issue } from '../issues/issue.entity';
import { ContactShownInAnswer, ReportIssueCommand } from '../issues/use-cases/report-issue/report-issue.command';
import { ReportIssueUseCase } from '../issues/use-cases/report-issue/report-issue.use-case';
import { revealedFields } from '../personal-data/domain/reporter-contact';
import { ReporterContactReads } from '../personal-data/reporter-contact-reads';
import { PossibleDuplicate, PossibleDuplicates } from './duplicates/possible-duplicates';
import { mayReadContact, ReportedIssueView, toIntakeIssueView } from './reported-issue-view';

export interface IntakeRequest extends Omit<ReportIssueCommand, 'contactShown'> {
  /** Whose Idempotency-Key space this is (a person, or an Open311 app): two callers never share one. */
  readonly idempotencyScope: string;
  readonly idempotencyKey: string | undefined;
  /** Who reads the answer: the contact is in it only for them if they may read it. Null for an Open311 app. */
  readonly reader: Identity | null;
  /** The route the answer leaves by, for the contact access log; with `reader`. */
  readonly via?: AccessRoute;
}

/** What the answer to a new report will show its reader of the reporter's contact (the rule of `toIntakeIssueView`). */
function contactShownIn({
  reader,
  via,
  tenantId,
  reporterSubject,
  report,
}: IntakeRequest): ContactShownInAnswer | undefined {
  if (!reader || !via || !mayReadContact(reader, { tenantId, reporterSubject })) return undefined;
  const { name, phone, email } = report.reporter;
  const fields = revealedFields({ name, phone: phone ?? null, email: email ?? null });
  return fields.length > 0 ? { reader, via, fields } : undefined;
}

/**
 * The one way a report comes in, whichever door it used (REST or Open311): Idempotency-Key, then the report use
 * case (routing, outbox events, timer, and the likely duplicates to offer, read beside the write). A retry with the
 * same key gets the first answer back, duplicates included — or, when that answer was lost with a crashed replica
 * after the case committed, the case as it stands now, with the duplicates read again.
 *
 * An answer that shows the reporter their contact is in the contact access log (ADR 0022): a new report's row
 * commits with the issue; a replayed answer's is written when it is replayed.
 */
@Injectable()
export class ReportIntake {
  constructor(
    private readonly reportIssue: ReportIssueUseCase,
    private readonly duplicates: PossibleDuplicates,
    private readonly idempotency: HttpIdempotency,
    private readonly contactReads: ReporterContactReads,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async submit(request: IntakeRequest, fingerprint: unknown = request.report): Promise<ReportedIssueView> {
    const { idempotencyScope, idempotencyKey, reader, via, ...command } = request;
    const answer = (issue: Issue, possibleDuplicates: PossibleDuplicate[]): ReportedIssueView => ({
      ...toIntakeIssueView(issue, reader),
      possibleDuplicates,
    });
    let loggedWithTheIssue = false;
    const view = await this.idempotency.run(
      idempotencyScope,
      idempotencyKey,
      fingerprint,
      async () => {
        const recorded = await this.reportIssue.execute({ ...command, contactShown: contactShownIn(request) });
        loggedWithTheIssue = true;
        return answer(recorded.issue, recorded.possibleDuplicates);
      },
      async (issueId) => {
        const issue = await this.dataSource.manager.findOneByOrFail(Issue, { tenantId: command.tenantId, id: issueId });
        return answer(issue, await this.duplicates.of(issue));
      },
    );
    if (!loggedWithTheIssue && via)
      await this.contactReads.recordShown(
        reader,
        via,
        { tenantId: command.tenantId, caseId: view.id, contact: view.contact },
        'report-answer',
      );
    return view;
  }
}
