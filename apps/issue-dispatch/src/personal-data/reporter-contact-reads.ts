import { Injectable } from '@nestjs/common';
import { Identity } from '@gridline/platform';
import { AccessRoute, ContactAccessLog } from '@gridline/personal-data';
import type { ContactView } from '../intake/reported-issue-view';
import { revealedFields } from './domain/reporter-contact';

/** Why an answer carried a reporter's contact, as the access log says. */
export type ReporterContactPurpose = 'report-answer' | 'case-view' | 'own-contact' | 'contact-view';

/**
 * Records an answer that shows a reporter's contact in the access log, before it is sent. Whoever builds an
 * answer with a contact in it calls this with the contact as shown: an erased or withheld one records nothing.
 */
@Injectable()
export class ReporterContactReads {
  constructor(private readonly log: ContactAccessLog) {}

  async recordShown(
    reader: Identity | null,
    via: AccessRoute,
    shown: { tenantId: string; caseId: string; contact?: ContactView | null },
    purpose: ReporterContactPurpose,
  ): Promise<void> {
    if (!reader || !shown.contact) return;
    await this.log.record(reader, via, {
      tenantId: shown.tenantId,
      caseId: shown.caseId,
      fields: revealedFields(shown.contact),
      purpose,
    });
  }
}
