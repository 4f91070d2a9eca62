import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** PostgreSQL takes at most 65,535 parameters in one statement; a larger set of rows goes in several. */
const MAX_PARAMETERS = 65_000;

/** How one column of an entity goes into an INSERT: the values given, or the column's default. */
interface InsertedColumn {
  readonly column: ColumnMetadata;
  readonly name: string;
}

/**
 * Inserts entities with one multi-row `INSERT … VALUES`, as `manager.insert(target, entities)` does, but built
 * straight from the entity's column metadata. TypeORM's insert builder names every value a parameter and then
 * looks each name up in a list it copies per lookup: for a group of reports (16 issues of about 45 columns) that
 * costs more of intake's CPU than the statement itself (ADR 0044).
 *
 * The same rules as TypeORM's insert: a property left undefined takes the column's DEFAULT, a version column
 * starts at 1, every value is converted by the driver (JSON, arrays, dates, transformers), auto-increment keys
 * are left out, and what PostgreSQL chose for the DEFAULTed columns (generated keys, creation times) is written
 * back into the entities. Entities with relations or inheritance are refused: none of the rows this serves has
 * them, and their rules are not repeated here.
 */
export async function insertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  entities: ReadonlyArray<Partial<E>>,
): Promise<void> {
  if (entities.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  if (metadata.relations.length > 0 || metadata.discriminatorColumn !== undefined)
    throw new Error(`insertRows: ${metadata.name} has relations or inheritance; use manager.insert`);
  const isIncrement = (column: ColumnMetadata) => column.isGenerated && column.generationStrategy === 'increment';
  const columns: InsertedColumn[] = metadata.columns
    .filter((column) => column.isInsert && !isIncrement(column))
    .map((column) => ({ column, name: quoted(column.databaseName) }));
  const keys: InsertedColumn[] = metadata.columns
    .filter(isIncrement)
    .map((column) => ({ column, name: quoted(column.databaseName) }));
  const table = metadata.schema
    ? `${quoted(metadata.schema)}.${quoted(metadata.tableName)}`
    : quoted(metadata.tableName);
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < entities.length; start += rowsPerStatement) {
    await insertChunk(manager, table, columns, keys, entities.slice(start, start + rowsPerStatement));
  }
}

async function insertChunk(
  manager: EntityManager,
  table: string,
  columns: readonly InsertedColumn[],
  keys: readonly InsertedColumn[],
  entities: ReadonlyArray<ObjectLiteral>,
): Promise<void> {
  const driver = manager.connection.driver;
  const parameters: unknown[] = [];
  const defaulted = new Set<InsertedColumn>();
  const rows = entities.map((entity) => {
    const values = columns.map((inserted) => {
      const { column } = inserted;
      const given: unknown = column.getEntityValue(entity);
      if (given === undefined) {
        if (column.isVersion) {
          column.setEntityValue(entity, 1);
          return '1';
        }
        defaulted.add(inserted);
        return 'DEFAULT';
      }
      if (typeof given === 'function') return (given as () => string)();
      parameters.push(driver.preparePersistentValue(given, column));
      return `$${parameters.length}`;
    });
    return `(${values.join(', ')})`;
  });
  // The auto-increment keys, and the columns some row left to their default: PostgreSQL chose those values.
  const readBack = [...keys, ...columns.filter((inserted) => defaulted.has(inserted))];
  const returning = readBack.length > 0 ? ` RETURNING ${readBack.map((inserted) => inserted.name).join(', ')}` : '';
  const sql = `INSERT INTO ${table} (${columns.map((inserted) => inserted.name).join(', ')}) VALUES ${rows.join(', ')}${returning}`;
  const written = (await manager.query(sql, parameters)) as Array<Record<string, unknown>>;
  if (readBack.length === 0) return;
  // PostgreSQL returns the rows of one INSERT … VALUES in the order of its VALUES lists.
  written.forEach((row, index) => {
    for (const { column } of readBack) {
      if (column.getEntityValue(entities[index]) === undefined)
        column.setEntityValue(entities[index], driver.prepareHydratedValue(row[column.databaseName], column));
    }
  });
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
