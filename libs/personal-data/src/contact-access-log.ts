import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { Identity, insertRows, RowsToInsert, rowsToInsert } from '@gridline/platform';
import { ContactAccessLogEntry } from './contact-access-log.entity';

/** The route an answer leaves by, as the access log names it. */
export interface AccessRoute {
  /** Method and route template, e.g. `GET /v1/tenants/:tenantId/issues/:issueId`. */
  readonly route: string;
  readonly correlationId: string | null;
}

/** The current request's route, for the access log (`@AccessedVia() via: AccessRoute`). */
export const AccessedVia = createParamDecorator((_data: unknown, context: ExecutionContext): AccessRoute => {
  const request = context.switchToHttp().getRequest<Request>();
  const template = (request.route as { path?: string } | undefined)?.path ?? request.path;
  const correlation = request.headers['x-correlation-id'];
  return {
    route: `${request.method} ${template}`,
    correlationId: typeof correlation === 'string' ? correlation.slice(0, 200) : null,
  };
});

/** Whose contact an answer reveals, and which of its fields. */
export interface ContactRead {
  readonly tenantId: string;
  readonly caseId?: string;
  readonly memberId?: string;
  readonly fields: readonly string[];
  readonly purpose: string;
}

/** One answer's read of a contact: who read it, by which route, and what. */
export interface AnsweredRead {
  readonly reader: Identity;
  readonly via: AccessRoute;
  readonly read: ContactRead;
}

/**
 * Appends one row per answer that reveals a contact, before the answer leaves: if the row cannot be written the
 * request fails, so no contact is ever shown unrecorded. Callers record only what they actually show (an erased
 * contact, or none, is not a read).
 */
@Injectable()
export class ContactAccessLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(reader: Identity, via: AccessRoute, read: ContactRead, manager?: EntityManager): Promise<void> {
    return this.recordAll([{ reader, via, read }], manager);
  }

  /** Several answers' reads in one statement, e.g. in the transaction of the reports they answer. */
  async recordAll(reads: ReadonlyArray<AnsweredRead>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const { target, rows } = this.rowsOf(reads);
    await insertRows(manager, target, rows);
  }

  /** The rows of answers' reads, for a write of several tables in one statement (`insertRowsTogether`, ADR 0046). */
  rowsOf(reads: ReadonlyArray<AnsweredRead>): RowsToInsert<ContactAccessLogEntry> {
    return rowsToInsert(
      ContactAccessLogEntry,
      reads
        .filter(({ read }) => read.fields.length > 0)
        .map(({ reader, via, read }) => ({
          tenantId: read.tenantId,
          readerSubject: reader.subject,
          readerName: reader.name,
          readerRoles: [...reader.roles],
          caseId: read.caseId ?? null,
          memberId: read.memberId ?? null,
          fields: [...read.fields],
          route: via.route,
          purpose: read.purpose,
          correlationId: via.correlationId,
        })),
    );
  }
}
