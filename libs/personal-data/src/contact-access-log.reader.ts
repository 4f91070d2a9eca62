import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, LessThan, MoreThanOrEqual, And } from 'typeorm';
import { ValidationFailedError } from '@gridline/platform';
import { ContactAccessLogEntry } from './contact-access-log.entity';
import { ContactAccessLogQuery, ContactAccessPageView, ContactAccessView } from './contact-access-log.query';

const DEFAULT_PAGE = 50;

/** The auditor's view of the access log: one district, filtered, newest first, a page at a time. */
@Injectable()
export class ContactAccessLogReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, query: ContactAccessLogQuery): Promise<ContactAccessPageView> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from > to)
      throw new ValidationFailedError([{ field: 'from', reason: 'from must not be after to' }]);
    const where: FindOptionsWhere<ContactAccessLogEntry> = { tenantId };
    if (from && to) where.at = And(MoreThanOrEqual(from), LessThan(to));
    else if (from) where.at = MoreThanOrEqual(from);
    else if (to) where.at = LessThan(to);
    if (query.subject !== undefined) where.readerSubject = query.subject;
    if (query.caseId !== undefined) where.caseId = query.caseId;
    if (query.memberId !== undefined) where.memberId = query.memberId;
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.dataSource.manager.findAndCount(ContactAccessLogEntry, {
      where,
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { tenantId, total, limit, offset, items: rows.map(toContactAccessView) };
  }
}

function toContactAccessView(row: ContactAccessLogEntry): ContactAccessView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    reader: { subject: row.readerSubject, name: row.readerName, roles: row.readerRoles },
    caseId: row.caseId,
    memberId: row.memberId,
    fields: row.fields,
    route: row.route,
    purpose: row.purpose,
    correlationId: row.correlationId,
  };
}
