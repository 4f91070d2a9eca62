import { QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

export async function createGridReplicaTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`
    CREATE TABLE "${s}".tenant_replica (
      tenant_id text PRIMARY KEY,
      division_code text NOT NULL,
      name text NOT NULL,
      version int NOT NULL
    )`);
  await queryRunner.query(`
    CREATE TABLE "${s}".grid_replica (
      grid_id text PRIMARY KEY,
      tenant_id text NOT NULL,
      parent_id text,
      level text NOT NULL,
      code text NOT NULL,
      name text NOT NULL,
      dedicated text,
      addresses text[] NOT NULL DEFAULT '{}',
      version int NOT NULL
    )`);
  await queryRunner.query(`CREATE INDEX grid_replica_tenant_parent ON "${s}".grid_replica (tenant_id, parent_id)`);
  await queryRunner.query(`CREATE INDEX grid_replica_addresses ON "${s}".grid_replica USING gin (addresses)`);
}

export async function dropGridReplicaTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".grid_replica`);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".tenant_replica`);
}
