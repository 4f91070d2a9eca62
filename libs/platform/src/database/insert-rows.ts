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
  await insertInChunks(manager, tableOf(manager, target), entities);
}

/**
 * Inserts entities, or overwrites the stored row that has the same `conflictKeys`, with one
 * `INSERT … ON CONFLICT DO UPDATE` per statement, as `manager.upsert(target, entities, conflictKeys)` does but
 * built the way `insertRows` builds an insert: a projection folding a batch of events upserts every fact it
 * touched, and TypeORM's builder was 7 % of analytics' CPU catching up on a backlog (ADR 0044). The columns some
 * entity gives are overwritten with the new values; what PostgreSQL chose for DEFAULTed columns is written back
 * as `insertRows` does.
 *
 * Refused: entities with a version or update-date column (what those do on an update is not repeated here), rows
 * that share a key (PostgreSQL cannot change one row twice in a statement), and rows that give nothing but keys.
 */
export async function upsertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  entities: ReadonlyArray<Partial<E>>,
  conflictKeys: ReadonlyArray<keyof E & string>,
): Promise<void> {
  if (entities.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  if (metadata.versionColumn || metadata.updateDateColumn)
    throw new Error(`upsertRows: ${metadata.name} has a version or update-date column; use manager.upsert`);
  const table = tableOf(manager, target);
  const keys = table.columns.filter((inserted) =>
    conflictKeys.includes(inserted.column.propertyName as keyof E & string),
  );
  if (keys.length !== conflictKeys.length)
    throw new Error(`upsertRows: ${metadata.name} has no column for every one of ${conflictKeys.join(', ')}`);
  const onConflict = (chunk: ReadonlyArray<ObjectLiteral>) => {
    const overwritten = table.columns.filter(
      (inserted) =>
        !keys.includes(inserted) && chunk.some((entity) => inserted.column.getEntityValue(entity) !== undefined),
    );
    if (overwritten.length === 0) throw new Error(`upsertRows: the ${metadata.name} rows give nothing but their keys`);
    return ` ON CONFLICT (${keys.map((key) => key.name).join(', ')}) DO UPDATE SET ${overwritten
      .map((inserted) => `${inserted.name} = EXCLUDED.${inserted.name}`)
      .join(', ')}`;
  };
  await insertInChunks(manager, table, entities, onConflict);
}

/** One table's rows for `insertRowsTogether`. */
export interface RowsToInsert<E extends ObjectLiteral = ObjectLiteral> {
  readonly target: EntityTarget<E>;
  readonly rows: ReadonlyArray<Partial<E>>;
}

/** Names the rows of one table for `insertRowsTogether`, typed by its entity. */
export function rowsToInsert<E extends ObjectLiteral>(
  target: EntityTarget<E>,
  rows: ReadonlyArray<Partial<E>>,
): RowsToInsert<E> {
  return { target, rows };
}

/**
 * Inserts the rows of several tables with one statement: each set but the first as a data-modifying `WITH`, the
 * first as the statement itself. One statement is atomic on its own, so outside a transaction it needs no
 * `BEGIN`/`COMMIT` either: a write of four tables costs one round trip instead of six (ADR 0046). Foreign keys
 * between the sets hold, as PostgreSQL checks them at the end of the statement.
 *
 * Each set follows `insertRows`' rules, with one difference: what PostgreSQL chose for DEFAULTed columns is written
 * back into the entities of the **first** set only (the statement's own `RETURNING`). Sets too large for one
 * statement's parameters are inserted one after another, inside the caller's transaction or a new one.
 */
export async function insertRowsTogether(
  manager: EntityManager,
  sets: ReadonlyArray<RowsToInsert<ObjectLiteral>>,
): Promise<void> {
  const filled = sets.filter((set) => set.rows.length > 0);
  if (filled.length <= 1) {
    if (filled.length === 1) await insertRows(manager, filled[0].target, filled[0].rows);
    return;
  }
  const tables = filled.map((set) => tableOf(manager, set.target));
  const parameterCount = filled.reduce((sum, set, index) => sum + set.rows.length * tables[index].columns.length, 0);
  if (parameterCount > MAX_PARAMETERS) {
    const insertEach = async (inner: EntityManager) => {
      for (const set of filled) await insertRows(inner, set.target, set.rows);
    };
    if (manager.queryRunner?.isTransactionActive) await insertEach(manager);
    else await manager.transaction(insertEach);
    return;
  }
  const parameters: unknown[] = [];
  const statements = filled.map((set, index) => insertStatement(manager, tables[index], set.rows, parameters));
  const [first, ...others] = statements;
  const sql = `WITH ${others.map((other, index) => `inserted_${index + 1} AS (${other.sql})`).join(', ')} ${first.sql}${first.returning}`;
  const written = (await manager.query(sql, parameters)) as Array<Record<string, unknown>>;
  writeBack(manager, first, filled[0].rows, written);
}

/** How one entity's rows go into its table. */
interface InsertTable {
  readonly name: string;
  readonly columns: readonly InsertedColumn[];
  readonly keys: readonly InsertedColumn[];
}

function tableOf(manager: EntityManager, target: EntityTarget<ObjectLiteral>): InsertTable {
  const metadata = manager.connection.getMetadata(target);
  if (metadata.relations.length > 0 || metadata.discriminatorColumn !== undefined)
    throw new Error(`insertRows: ${metadata.name} has relations or inheritance; use manager.insert`);
  const isIncrement = (column: ColumnMetadata) => column.isGenerated && column.generationStrategy === 'increment';
  return {
    name: metadata.schema ? `${quoted(metadata.schema)}.${quoted(metadata.tableName)}` : quoted(metadata.tableName),
    columns: metadata.columns
      .filter((column) => column.isInsert && !isIncrement(column))
      .map((column) => ({ column, name: quoted(column.databaseName) })),
    keys: metadata.columns.filter(isIncrement).map((column) => ({ column, name: quoted(column.databaseName) })),
  };
}

/** One `INSERT … VALUES` of the rows, its values appended to `parameters`, and the `RETURNING` it would need. */
interface InsertStatement {
  readonly sql: string;
  readonly returning: string;
  readonly readBack: readonly InsertedColumn[];
}

function insertStatement(
  manager: EntityManager,
  table: InsertTable,
  entities: ReadonlyArray<ObjectLiteral>,
  parameters: unknown[],
): InsertStatement {
  const driver = manager.connection.driver;
  const defaulted = new Set<InsertedColumn>();
  const rows = entities.map((entity) => {
    const values = table.columns.map((inserted) => {
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
  const readBack = [...table.keys, ...table.columns.filter((inserted) => defaulted.has(inserted))];
  return {
    sql: `INSERT INTO ${table.name} (${table.columns.map((inserted) => inserted.name).join(', ')}) VALUES ${rows.join(', ')}`,
    returning: readBack.length > 0 ? ` RETURNING ${readBack.map((inserted) => inserted.name).join(', ')}` : '',
    readBack,
  };
}

/**
 * The rows in as few statements as PostgreSQL's parameter limit allows; `onConflict` gives `upsertRows`' clause for
 * the rows of one statement.
 */
async function insertInChunks(
  manager: EntityManager,
  table: InsertTable,
  entities: ReadonlyArray<ObjectLiteral>,
  onConflict: (entities: ReadonlyArray<ObjectLiteral>) => string = () => '',
): Promise<void> {
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / table.columns.length));
  for (let start = 0; start < entities.length; start += rowsPerStatement) {
    await insertChunk(manager, table, entities.slice(start, start + rowsPerStatement), onConflict);
  }
}

async function insertChunk(
  manager: EntityManager,
  table: InsertTable,
  entities: ReadonlyArray<ObjectLiteral>,
  onConflict: (entities: ReadonlyArray<ObjectLiteral>) => string,
): Promise<void> {
  const parameters: unknown[] = [];
  const statement = insertStatement(manager, table, entities, parameters);
  const sql = `${statement.sql}${onConflict(entities)}${statement.returning}`;
  const written = (await manager.query(sql, parameters)) as Array<Record<string, unknown>>;
  writeBack(manager, statement, entities, written);
}

/** PostgreSQL returns the rows of one INSERT … VALUES in the order of its VALUES lists. */
function writeBack(
  manager: EntityManager,
  { readBack }: InsertStatement,
  entities: ReadonlyArray<ObjectLiteral>,
  written: ReadonlyArray<Record<string, unknown>>,
): void {
  if (readBack.length === 0) return;
  const driver = manager.connection.driver;
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
