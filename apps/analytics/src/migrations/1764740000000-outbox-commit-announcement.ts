import { MigrationInterface, QueryRunner } from 'typeorm';
import { announceOutboxCommits, stopAnnouncingOutboxCommits } from '@gridline/messaging';

/** The outbox's own trigger wakes the relay on commit, instead of a `pg_notify` round trip per transaction (ADR 0045). */
export class OutboxCommitAnnouncement1764740000000 implements MigrationInterface {
  name = 'OutboxCommitAnnouncement1764740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await announceOutboxCommits(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await stopAnnouncingOutboxCommits(queryRunner);
  }
}
