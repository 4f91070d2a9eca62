import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { periodOutOfOrder } from '@gridline/calendar';
import { ValidationFailedError } from '@gridline/platform';
import { Open311Errors } from '../../open311-errors';
import { CLOSED_STATES, open311StatusNotes, open311StatusOf } from '../../../domain/case-status';
import { ServiceRequestSearch } from './list-service-requests.command';
import { Open311ServiceRequestView } from './list-service-requests.dto';

/** Open311's defaults: 90 days back from end_date, at most 1000 requests (newest first). */
const DEFAULT_WINDOW_DAYS = 90;
const MAX_REQUESTS = 1000;

interface Row {
  id: string;
  state: string;
  category: string;
  service_name: string | null;
  description: string;
  holder_level: string;
  holder_grid_name: string | null;
  critical: boolean;
  reported_at: Date;
  updated_at: Date;
  address: string | null;
  location_lon: number | null;
  location_lat: number | null;
  photo_urls: string[];
}

// Public columns only: the reporter's name, phone, e-mail and subject, and the intake details, are never read.
const publicColumns = `i.id, i.state, i.category, c.name AS service_name, i.description, i.holder_level, g.name AS holder_grid_name,
  i.critical, i.reported_at, i.updated_at, i.address, i.location_lon, i.location_lat, i.photo_urls`;
const from = `FROM issues i
  LEFT JOIN category_policies c ON c.tenant_id = i.tenant_id AND c.code = i.category
  LEFT JOIN grid_replica g ON g.tenant_id = i.tenant_id AND g.grid_id = i.holder_grid_id`;

const centreNames: Record<string, string> = { district: 'district dispatch centre', city: 'city dispatch centre' };

function toServiceRequest(row: Row): Open311ServiceRequestView {
  return {
    service_request_id: row.id,
    status: open311StatusOf(row.state),
    status_notes: open311StatusNotes({ state: row.state, holderLevel: row.holder_level, critical: row.critical }),
    service_name: row.service_name ?? row.category,
    service_code: row.category,
    description: row.description,
    agency_responsible: row.holder_grid_name ?? centreNames[row.holder_level] ?? row.holder_level,
    service_notice: null,
    requested_datetime: row.reported_at.toISOString(),
    updated_datetime: row.updated_at.toISOString(),
    expected_datetime: null,
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: row.location_lat,
    long: row.location_lon,
    media_url: row.photo_urls[0] ?? null,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Open311 GET requests.json and requests/{id}.json: one district's requests, public fields only. */
@Injectable()
export class ListServiceRequestsUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ServiceRequestSearch, now = new Date()): Promise<Open311ServiceRequestView[]> {
    const params: unknown[] = [query.jurisdiction_id];
    const where = ['i.tenant_id = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.service_request_id !== undefined) {
      // Only ids of our own form can match; the rest are someone else's and simply find nothing.
      const ours = query.service_request_id
        .split(',')
        .map((id) => id.toLowerCase())
        .filter((id) => uuidPattern.test(id));
      where.push(`i.id = ANY(${param(ours)}::uuid[])`);
    } else {
      const end = query.end_date !== undefined ? new Date(query.end_date) : now;
      const start =
        query.start_date !== undefined
          ? new Date(query.start_date)
          : new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
      if (start > end)
        throw new ValidationFailedError([{ field: 'start_date', reason: periodOutOfOrder('start_date', 'end_date') }]);
      where.push(`i.reported_at BETWEEN ${param(start)} AND ${param(end)}`);
      if (query.service_code !== undefined)
        where.push(`i.category = ANY(${param(query.service_code.split(','))}::text[])`);
      const statuses = new Set(query.status?.split(',') ?? []);
      if (statuses.size === 1)
        where.push(
          `i.state ${statuses.has('closed') ? '' : 'NOT '}IN (SELECT unnest(${param(CLOSED_STATES)}::text[]))`,
        );
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${publicColumns} ${from} WHERE ${where.join(' AND ')} ORDER BY i.reported_at DESC, i.id LIMIT ${MAX_REQUESTS}`,
      params,
    );
    return rows.map(toServiceRequest);
  }

  async one(jurisdictionId: string, id: string): Promise<Open311ServiceRequestView[]> {
    const notFound = Open311Errors.REQUEST_NOT_FOUND(id, jurisdictionId);
    if (!uuidPattern.test(id.toLowerCase())) throw notFound;
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${publicColumns} ${from} WHERE i.tenant_id = $1 AND i.id = $2`,
      [jurisdictionId, id.toLowerCase()],
    );
    if (rows.length === 0) throw notFound;
    return rows.map(toServiceRequest);
  }
}
