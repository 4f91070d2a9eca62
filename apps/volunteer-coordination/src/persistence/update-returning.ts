import { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE … RETURNING and gives back its rows. TypeORM's `query` answers an UPDATE with
 * `[rows, rowCount]` (an INSERT with the rows alone), which is easy to misread as "one row came back".
 */
export async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const [rows] = (await manager.query(sql, parameters)) as [T[], number];
  return rows;
}

/** True when `error` is PostgreSQL's unique violation on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
