import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';
import { createDurableTimerTable } from '@gridline/scheduling';

/**
 * Recurring service events (series, materialised occurrences, their slot and shift pools, sign-ups) and the
 * shared tool room (tools, loans), plus the durable-timer table their reminders and overdue clocks need.
 *
 * The guarantees live in the schema as well as in the code: a pool can never hold more confirmed people than
 * its capacity (CHECK), a person holds at most one live sign-up per occurrence and role (partial UNIQUE), a
 * tool has at most one open loan (partial UNIQUE).
 */
export class ServiceEventsAndToolRoom1764540000000 implements MigrationInterface {
  name = 'ServiceEventsAndToolRoom1764540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Other features of this service (offer expiry) may create the shared timer table first.
    const [{ exists }] = (await queryRunner.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
      `"${s}".durable_timers`,
    ])) as Array<{ exists: boolean }>;
    if (!exists) await createDurableTimerTable(queryRunner);

    await queryRunner.query(`
      CREATE TABLE "${s}".service_event_series (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        grid_id text NOT NULL,
        title text NOT NULL,
        place_text text,
        recurrence jsonb NOT NULL,
        starts_on date NOT NULL,
        until date,
        start_time text NOT NULL,
        end_time text NOT NULL,
        time_zone text NOT NULL,
        resident_slots jsonb NOT NULL,
        volunteer_shifts jsonb NOT NULL,
        reminder_lead_minutes int[] NOT NULL,
        horizon_days int NOT NULL CHECK (horizon_days BETWEEN 1 AND 366),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_time > start_time),
        CHECK (until IS NULL OR until >= starts_on)
      )`);
    await queryRunner.query(
      `CREATE INDEX service_event_series_listing ON "${s}".service_event_series (tenant_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}".service_occurrences (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        series_id uuid NOT NULL REFERENCES "${s}".service_event_series (id),
        grid_id text NOT NULL,
        local_date date NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at),
        UNIQUE (series_id, local_date)
      )`);
    await queryRunner.query(
      `CREATE INDEX service_occurrences_listing ON "${s}".service_occurrences (tenant_id, starts_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}".occurrence_pools (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        occurrence_id uuid NOT NULL REFERENCES "${s}".service_occurrences (id),
        role text NOT NULL CHECK (role IN ('resident', 'volunteer')),
        name text NOT NULL,
        capacity int NOT NULL CHECK (capacity > 0),
        taken int NOT NULL DEFAULT 0,
        waitlisted int NOT NULL DEFAULT 0 CHECK (waitlisted >= 0),
        waitlist_seq int NOT NULL DEFAULT 0,
        CONSTRAINT occurrence_pools_never_overbooked CHECK (taken >= 0 AND taken <= capacity),
        UNIQUE (occurrence_id, role, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".service_sign_ups (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        occurrence_id uuid NOT NULL REFERENCES "${s}".service_occurrences (id),
        pool_id uuid NOT NULL REFERENCES "${s}".occurrence_pools (id),
        role text NOT NULL CHECK (role IN ('resident', 'volunteer')),
        person_key text NOT NULL,
        resident_subject text,
        volunteer_id uuid,
        signed_up_by text NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        waitlist_seq int,
        signed_up_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        checked_in_at timestamptz,
        checked_out_at timestamptz,
        attended_minutes int,
        CHECK ((role = 'resident') = (resident_subject IS NOT NULL) AND (role = 'volunteer') = (volunteer_id IS NOT NULL)),
        CHECK (checked_out_at IS NULL OR checked_in_at IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX service_sign_ups_one_per_person ON "${s}".service_sign_ups (occurrence_id, role, person_key) WHERE status <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE INDEX service_sign_ups_waitlist ON "${s}".service_sign_ups (pool_id, waitlist_seq) WHERE status = 'waitlisted'`,
    );
    await queryRunner.query(
      `CREATE INDEX service_sign_ups_listing ON "${s}".service_sign_ups (tenant_id, occurrence_id, signed_up_at, id)`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}".tools (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        grid_id text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        condition text NOT NULL CHECK (condition IN ('good', 'worn', 'broken')),
        current_loan_id uuid,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX tools_room ON "${s}".tools (tenant_id, grid_id, added_at, id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".tool_loans (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        tool_id uuid NOT NULL REFERENCES "${s}".tools (id),
        grid_id text NOT NULL,
        borrower_subject text NOT NULL,
        lent_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        returned_at timestamptz,
        return_condition text CHECK (return_condition IN ('good', 'worn', 'broken')),
        overdue_reminders int NOT NULL DEFAULT 0,
        CHECK (due_at > lent_at)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX tool_loans_one_open_per_tool ON "${s}".tool_loans (tool_id) WHERE returned_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX tool_loans_room ON "${s}".tool_loans (tenant_id, grid_id, lent_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of [
      'tool_loans',
      'tools',
      'service_sign_ups',
      'occurrence_pools',
      'service_occurrences',
      'service_event_series',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}".${table}`);
    }
    await queryRunner.query(
      `DELETE FROM "${s}".durable_timers WHERE kind LIKE 'service-event.%' OR kind LIKE 'tool-room.%'`,
    );
  }
}
