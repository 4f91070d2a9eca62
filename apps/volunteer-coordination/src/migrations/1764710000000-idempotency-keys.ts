import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyKeyTable, dropIdempotencyKeyTable } from '@gridline/messaging';

/** Idempotency-Keys recorded with the change they made, in its transaction (ADR 0030). */
export class IdempotencyKeys1764710000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIdempotencyKeyTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIdempotencyKeyTable(queryRunner);
  }
}
