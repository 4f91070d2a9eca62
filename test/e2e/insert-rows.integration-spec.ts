import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { insertRows, insertRowsTogether, rowsToInsert, upsertRows } from '@gridline/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SCHEMA = 'insert_rows_test';

/** Cents kept as an integer, shown as a number of yuan: a transformer the driver must apply on the way in and out. */
const yuan = { to: (value: number) => Math.round(value * 100), from: (value: number) => value / 100 };

/** Every kind of column the hot tables have: an auto-increment key, JSON, arrays, defaults, version and dates. */
@Entity({ name: 'ledger' })
class LedgerRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'text', default: 'rest' })
  source: string;

  @Column({ type: 'int', transformer: yuan })
  amount: number;

  @Column({ type: 'timestamptz', nullable: true })
  due: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'ticket' })
class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;
}

@Entity({ name: 'stub' })
class Stub {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @ManyToOne(() => Ticket)
  @JoinColumn({ name: 'ticket_id' })
  ticket: Ticket;
}

/** A row pointing at a ticket by a foreign key TypeORM does not know about (added in SQL), so insertRows takes it. */
@Entity({ name: 'ticket_note' })
class TicketNote {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ type: 'text', unique: true })
  text: string;
}

/** A projection's row: a composite key, and columns an upsert overwrites, leaves alone, or fills by default. */
@Entity({ name: 'fact' })
class Fact {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'fact_id', type: 'text' })
  factId!: string;

  @Column({ type: 'jsonb', nullable: true })
  detail!: object | null;

  @Column({ type: 'text', array: true, nullable: true })
  labels!: string[] | null;

  @Column({ name: 'seen_at', type: 'timestamptz', nullable: true })
  seenAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  hits!: number;
}

/**
 * `insertRows` against a real PostgreSQL, row for row against TypeORM's own `manager.insert` of the same entities:
 * the same stored rows, the same values written back into the entities, and statements split below PostgreSQL's
 * parameter limit.
 */
describe('insertRows', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('insert_rows');
    await database.query(`CREATE SCHEMA ${SCHEMA}`);
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      schema: SCHEMA,
      entities: [LedgerRow, Ticket, Stub, TicketNote, Fact],
      synchronize: true,
    });
    await dataSource.initialize();
    await database.query(
      `ALTER TABLE ${SCHEMA}.ticket_note ADD FOREIGN KEY (ticket_id) REFERENCES ${SCHEMA}.ticket (id)`,
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const rowsLike = (tenantId: string): Array<Partial<LedgerRow>> => [
    {
      tenantId,
      payload: { 名称: '路灯', nested: [1, { a: null }] },
      amount: 12.34,
      due: new Date('2026-12-04T08:00:00Z'),
    },
    { tenantId, payload: [], tags: ['夜间', 'urgent'], source: 'open311', amount: 0, due: null },
    { tenantId, payload: { quote: 'it\'s "quoted"' }, amount: 7.5 },
  ];

  const stored = (tenantId: string) =>
    database.query(
      `SELECT payload, tags, source, amount, due, version, created_at IS NOT NULL AS has_created,
              updated_at IS NOT NULL AS has_updated
         FROM ${SCHEMA}.ledger WHERE tenant_id = $1 ORDER BY seq`,
      [tenantId],
    );

  it('stores the same rows as manager.insert and writes back what PostgreSQL chose', async () => {
    const ours = rowsLike('ours');
    const theirs = rowsLike('theirs');
    await dataSource.transaction(async (manager) => {
      await insertRows(manager, LedgerRow, ours);
      await manager.insert(LedgerRow, theirs);
    });

    expect(await stored('ours')).toEqual(await stored('theirs'));
    expect(await stored('ours')).toHaveLength(3);
    expect((await stored('ours'))[0]).toMatchObject({ amount: 1234, source: 'rest', tags: [], version: 1 });

    for (const [index, row] of ours.entries()) {
      expect(row.seq).toMatch(/^\d+$/);
      expect(row.version).toBe(1);
      expect(row.createdAt).toBeInstanceOf(Date);
      expect(row.updatedAt).toBeInstanceOf(Date);
      expect(row.tags).toEqual(theirs[index].tags);
      expect(row.source).toBe(theirs[index].source);
    }
    // Keys in the order of the rows given.
    const keys = ours.map((row) => Number(row.seq));
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    const [read] = await dataSource.manager.findBy(LedgerRow, { seq: ours[0].seq });
    expect(read.amount).toBe(12.34);
  });

  it('leaves a uuid key to PostgreSQL when none is given and keeps one that is', async () => {
    const given = randomUUID();
    const tickets: Array<Partial<Ticket>> = [{ title: 'new' }, { id: given, title: 'known' }];
    await insertRows(dataSource.manager, Ticket, tickets);
    expect(tickets[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(tickets[1].id).toBe(given);
    expect(await database.query(`SELECT title FROM ${SCHEMA}.ticket WHERE id = $1`, [tickets[0].id])).toEqual([
      { title: 'new' },
    ]);
  });

  it('splits a set larger than one statement can carry, inside the same transaction', async () => {
    // Six values a row: 12,000 rows need 72,000 parameters, above PostgreSQL's 65,535.
    const many = Array.from({ length: 12_000 }, (_, i) => ({
      tenantId: 'many',
      payload: { i },
      tags: [`t${i}`],
      source: 'bulk',
      amount: i,
      due: new Date(Date.UTC(2026, 11, 4, 0, 0, i % 60)),
    }));
    await expect(
      dataSource.transaction(async (manager) => {
        await insertRows(manager, LedgerRow, many);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await database.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.ledger WHERE tenant_id = 'many'`)).toEqual([
      { n: 0 },
    ]);

    await insertRows(dataSource.manager, LedgerRow, many);
    expect(
      await database.query(
        `SELECT count(*)::int AS n, sum(amount)::bigint AS cents FROM ${SCHEMA}.ledger WHERE tenant_id = 'many'`,
      ),
    ).toEqual([{ n: 12_000, cents: String(((11_999 * 12_000) / 2) * 100) }]);
    expect(many[11_999]).toMatchObject({ seq: expect.stringMatching(/^\d+$/), version: 1 });
  });

  it('does nothing for no rows and refuses an entity with relations', async () => {
    await expect(insertRows(dataSource.manager, LedgerRow, [])).resolves.toBeUndefined();
    await expect(insertRows(dataSource.manager, Stub, [{ id: randomUUID() }])).rejects.toThrow(
      'Stub has relations or inheritance',
    );
  });

  describe('insertRowsTogether', () => {
    const ticketsTitled = (title: string) =>
      database.query(`SELECT id FROM ${SCHEMA}.ticket WHERE title = $1`, [title]) as Promise<unknown[]>;

    it('writes several tables with one statement, keys between them holding, and reads back the first set', async () => {
      const tickets: Array<Partial<Ticket>> = [{ id: randomUUID(), title: 'together' }];
      const notes: Array<Partial<TicketNote>> = [
        { ticketId: tickets[0].id, text: 'first note' },
        { ticketId: tickets[0].id, text: 'second note' },
      ];
      const ledger = rowsLike('together');
      const statements = jest.spyOn(dataSource.manager, 'query');
      try {
        // The notes come first, before the ticket they point at: the key is checked when the statement ends.
        await insertRowsTogether(dataSource.manager, [
          rowsToInsert(TicketNote, notes),
          rowsToInsert(Ticket, tickets),
          rowsToInsert(LedgerRow, ledger),
          rowsToInsert(LedgerRow, []),
        ]);
        expect(statements).toHaveBeenCalledTimes(1);
      } finally {
        statements.mockRestore();
      }
      expect(await ticketsTitled('together')).toEqual([{ id: tickets[0].id }]);
      expect(
        await database.query(`SELECT text FROM ${SCHEMA}.ticket_note WHERE ticket_id = $1 ORDER BY seq`, [
          tickets[0].id,
        ]),
      ).toEqual([{ text: 'first note' }, { text: 'second note' }]);
      expect(await stored('together')).toHaveLength(3);
      // The first set is the statement's own INSERT: its generated keys come back; the others' stay unread.
      expect(notes.map((note) => note.seq)).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)]);
      expect(ledger[0].seq).toBeUndefined();
      expect(ledger[0].version).toBe(1);
    });

    it('stores nothing of any table when one set fails', async () => {
      const ticket = { id: randomUUID(), title: 'never stored' };
      const duplicateNote = { ticketId: ticket.id, text: 'first note' }; // text is unique, and taken above
      await expect(
        insertRowsTogether(dataSource.manager, [
          rowsToInsert(Ticket, [ticket]),
          rowsToInsert(LedgerRow, rowsLike('never stored')),
          rowsToInsert(TicketNote, [duplicateNote]),
        ]),
      ).rejects.toThrow(/duplicate key/);
      expect(await ticketsTitled('never stored')).toEqual([]);
      expect(await stored('never stored')).toEqual([]);

      const orphan = { ticketId: randomUUID(), text: 'orphan' };
      await expect(
        insertRowsTogether(dataSource.manager, [
          rowsToInsert(LedgerRow, rowsLike('orphaned')),
          rowsToInsert(TicketNote, [orphan]),
        ]),
      ).rejects.toThrow(/foreign key/);
      expect(await stored('orphaned')).toEqual([]);
    });

    it('goes table by table in one transaction when the sets need more parameters than a statement carries', async () => {
      const many = Array.from({ length: 12_000 }, (_, i) => ({
        tenantId: 'together-many',
        payload: { i },
        amount: i,
      }));
      const ticket = { id: randomUUID(), title: 'many' };
      await expect(
        insertRowsTogether(dataSource.manager, [
          rowsToInsert(LedgerRow, many),
          rowsToInsert(Ticket, [ticket]),
          rowsToInsert(TicketNote, [{ ticketId: randomUUID(), text: 'no such ticket' }]),
        ]),
      ).rejects.toThrow(/foreign key/);
      expect(await stored('together-many')).toEqual([]);
      expect(await ticketsTitled('many')).toEqual([]);

      await insertRowsTogether(dataSource.manager, [
        rowsToInsert(LedgerRow, many),
        rowsToInsert(Ticket, [ticket]),
        rowsToInsert(TicketNote, [{ ticketId: ticket.id, text: 'many rows' }]),
      ]);
      expect(await stored('together-many')).toHaveLength(12_000);
      expect(await ticketsTitled('many')).toEqual([{ id: ticket.id }]);
    });
  });

  describe('upsertRows', () => {
    const facts = (tenantId: string) =>
      database.query(
        `SELECT fact_id, detail, labels, seen_at, hits FROM ${SCHEMA}.fact WHERE tenant_id = $1 ORDER BY fact_id`,
        [tenantId],
      );
    const first = (tenantId: string): Array<Partial<Fact>> => [
      { tenantId, factId: 'a', detail: { 状态: '已派单' }, labels: ['路灯'], seenAt: new Date('2026-12-05T08:00:00Z') },
      { tenantId, factId: 'b', detail: null, labels: null, seenAt: null, hits: 3 },
    ];
    // Changes a, leaves b's detail and labels alone (nobody gives them), adds c.
    const second = (tenantId: string): Array<Partial<Fact>> => [
      { tenantId, factId: 'a', seenAt: null, hits: 1 },
      { tenantId, factId: 'b', seenAt: new Date('2026-12-05T09:00:00Z'), hits: 4 },
      { tenantId, factId: 'c', seenAt: new Date('2026-12-05T10:00:00Z'), hits: 1 },
    ];

    it('stores the same rows as manager.upsert, overwriting only the columns given, and writes back defaults', async () => {
      const ours = first('ours');
      await upsertRows(dataSource.manager, Fact, ours, ['tenantId', 'factId']);
      await dataSource.manager.upsert(Fact, first('theirs'), ['tenantId', 'factId']);
      expect(ours[0].hits).toBe(0); // the column's default, read back
      await upsertRows(dataSource.manager, Fact, second('ours'), ['tenantId', 'factId']);
      await dataSource.manager.upsert(Fact, second('theirs'), ['tenantId', 'factId']);

      expect(await facts('ours')).toEqual(await facts('theirs'));
      expect(await facts('ours')).toEqual([
        { fact_id: 'a', detail: { 状态: '已派单' }, labels: ['路灯'], seen_at: null, hits: 1 },
        { fact_id: 'b', detail: null, labels: null, seen_at: new Date('2026-12-05T09:00:00Z'), hits: 4 },
        { fact_id: 'c', detail: null, labels: null, seen_at: new Date('2026-12-05T10:00:00Z'), hits: 1 },
      ]);
    });

    it('refuses what it does not handle, and a statement that fails changes nothing', async () => {
      await expect(upsertRows(dataSource.manager, LedgerRow, [{ tenantId: 'x' }], ['tenantId'])).rejects.toThrow(
        'LedgerRow has a version or update-date column',
      );
      await expect(
        upsertRows(dataSource.manager, Fact, [{ tenantId: 'keys', factId: 'k' }], ['tenantId', 'factId']),
      ).rejects.toThrow('give nothing but their keys');
      await expect(
        upsertRows(
          dataSource.manager,
          Fact,
          [
            { tenantId: 'twice', factId: 't', hits: 1 },
            { tenantId: 'twice', factId: 'u', hits: 1 },
            { tenantId: 'twice', factId: 't', hits: 2 },
          ],
          ['tenantId', 'factId'],
        ),
      ).rejects.toThrow(/cannot affect row a second time/);
      expect(await facts('twice')).toEqual([]);
      expect(await facts('keys')).toEqual([]);
    });
  });
});
