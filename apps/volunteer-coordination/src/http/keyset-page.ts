import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE_SIZE } from './page-query';

/** One page of a keyset-paged list: its rows, and the `after` value of the next page (null on the last page). */
export interface KeysetPage<T> {
  items: T[];
  next: string | null;
}

/** What a list is ordered by: one column, then the id to break ties, both in the same direction. */
export interface KeysetOrder {
  /** The entity property, e.g. `addedAt`. */
  property: string;
  /** Its column, e.g. `added_at`, compared as a row value (column, id) with those of the `after` row. */
  column: string;
  /** The table the `after` row is looked up in, within the tenant. */
  table: string;
  /** ASC: pages after the `after` row; DESC (newest first): pages before it. */
  direction: 'ASC' | 'DESC';
}

/**
 * The first `limit` of `limit + 1` rows read, and whether there is a next page: the last row kept names it.
 * For readers whose page is read by SQL of their own; the rest use `keysetPage`.
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): KeysetPage<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? items[items.length - 1].id : null };
}

/**
 * Reads one page of `query` (already filtered to the tenant and the caller's filters), ordered by (column, id)
 * and starting after the row `after` names, if any: the row value of that row is read in the same statement, so
 * a page is one indexed range scan however deep it is. The `after` row must be of the same tenant.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  { property, column, table, direction }: KeysetOrder,
  tenantId: string,
  { limit = DEFAULT_PAGE_SIZE, after }: { limit?: number; after?: string },
): Promise<KeysetPage<T>> {
  const alias = query.alias;
  query
    .orderBy(`${alias}.${property}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(limit + 1);
  if (after !== undefined) {
    query.andWhere(
      `(${alias}.${column}, ${alias}.id) ${direction === 'ASC' ? '>' : '<'} (SELECT c.${column}, c.id FROM ${table} c WHERE c.tenant_id = :tenantId AND c.id = :after)`,
      { tenantId, after },
    );
  }
  return pageOf(await query.getMany(), limit);
}
