import { MigrationInterface, QueryRunner } from 'typeorm';
import { announceOutboxCommits, stopAnnouncingOutboxCommits } from './messaging-tables';

/**
 * The outbox's own trigger wakes the relay on commit, instead of a `pg_notify` round trip per transaction (ADR 0045).
 * One migration for every service: each runs it in its own schema, listed after its existing migrations.
 */
export class OutboxCommitAnnouncement1764740000000 implements MigrationInterface {
  name = 'OutboxCommitAnnouncement1764740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await announceOutboxCommits(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await stopAnnouncingOutboxCommits(queryRunner);
  }
}
