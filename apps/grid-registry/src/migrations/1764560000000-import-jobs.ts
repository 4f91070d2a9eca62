import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * Import jobs: a large import answered at once (202) and followed through its row (ADR 0018). Progress is
 * written outside the import's transaction, so any replica can answer while the import runs; a job whose
 * heartbeat stops (its process died) is marked failed by whichever replica looks next.
 */
export class ImportJobs1764560000000 implements MigrationInterface {
  name = 'ImportJobs1764560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".import_jobs (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL REFERENCES "${s}".tenants (tenant_id),
        kind text NOT NULL CHECK (kind IN ('grids', 'places', 'members', 'geojson')),
        dry_run boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('validating', 'applying', 'succeeded', 'failed')),
        processed int NOT NULL DEFAULT 0 CHECK (processed >= 0),
        total int NOT NULL DEFAULT 0 CHECK (total >= 0),
        -- What the synchronous request would have answered: the result when it succeeded, the error (with every
        -- problem of the file in details) when it failed.
        result jsonb,
        error jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT import_jobs_finished CHECK ((status IN ('succeeded', 'failed')) = (finished_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX import_jobs_tenant ON "${s}".import_jobs (tenant_id, created_at)`);
    // The sweep for jobs whose process stopped looks only at running ones.
    await queryRunner.query(
      `CREATE INDEX import_jobs_running ON "${s}".import_jobs (heartbeat_at) WHERE status IN ('validating', 'applying')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "${schemaOf(queryRunner)}".import_jobs`);
  }
}
