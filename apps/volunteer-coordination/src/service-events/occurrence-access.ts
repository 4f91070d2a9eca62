import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit, groupOutcomeOf, Identity } from '@gridline/platform';
import { GridStaff } from '../access/grid-staff';
import { ServiceEventErrors } from './service-event-errors';
import { OccurrencePool, ServiceOccurrence } from './service-occurrence.entity';
import { ServiceSignUp } from './service-sign-up.entity';

/** An action on one sign-up of one occurrence (cancel, check in, check out). */
export interface SignUpActionCommand {
  readonly tenantId: string;
  readonly occurrenceId: string;
  readonly signUpId: string;
  readonly identity: Identity;
  readonly correlationId: string;
}

/** An occurrence and all its pools (slots and shifts), ordered by name, as a sign-up needs them. */
export interface OccurrenceWithPools {
  readonly occurrence: ServiceOccurrence;
  readonly pools: readonly OccurrencePool[];
}

/**
 * Finding occurrences and sign-ups within one district, and who may act on them: staff of the event's grid
 * (or above it, or the district) act on every sign-up; anyone else only on their own, and others' look absent.
 */
@Injectable()
export class OccurrenceAccess {
  /**
   * A popular occurrence gets its sign-ups all at once, and each one needs the occurrence and its pools. Requests
   * for one occurrence that arrive while its previous read runs wait and share the next one (the batching of group
   * commit, ADR 0043), so a rush costs two statements a group instead of two a person. Every request is answered
   * from a read that started after it arrived: a pool created before the request is always seen.
   */
  private readonly poolReads = new GroupCommit<{ tenantId: string; occurrenceId: string }, OccurrenceWithPools>(
    async (_, [{ tenantId, occurrenceId }, ...others]) => {
      const outcome = await groupOutcomeOf(this.readWithPools(tenantId, occurrenceId));
      return [outcome, ...others.map(() => outcome)];
    },
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: GridStaff,
  ) {}

  async occurrence(
    tenantId: string,
    occurrenceId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ServiceOccurrence> {
    const occurrence = await manager.findOneBy(ServiceOccurrence, { tenantId, id: occurrenceId });
    if (!occurrence) throw ServiceEventErrors.OCCURRENCE_NOT_FOUND(tenantId, occurrenceId);
    return occurrence;
  }

  /** The occurrence and its pools, or 404 OCCURRENCE_NOT_FOUND; one read for every request that arrived during the last. */
  occurrenceWithPools(tenantId: string, occurrenceId: string): Promise<OccurrenceWithPools> {
    return this.poolReads.submit(`${tenantId}\u0000${occurrenceId}`, { tenantId, occurrenceId });
  }

  private async readWithPools(tenantId: string, occurrenceId: string): Promise<OccurrenceWithPools> {
    const occurrence = await this.occurrence(tenantId, occurrenceId);
    const pools = await this.dataSource.manager.find(OccurrencePool, {
      where: { tenantId, occurrenceId },
      order: { name: 'ASC' },
    });
    return { occurrence, pools };
  }

  assertStaffOnGrid(identity: Identity, tenantId: string, gridId: string): Promise<void> {
    return this.staff.assertStaffOf(identity, tenantId, gridId, 'this service event');
  }

  /** A sign-up the caller may act on: staff of the event's grid, or the resident who made it. */
  async signUp(
    identity: Identity,
    occurrence: ServiceOccurrence,
    signUpId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ServiceSignUp> {
    const signUp = await manager.findOneBy(ServiceSignUp, {
      tenantId: occurrence.tenantId,
      occurrenceId: occurrence.id,
      id: signUpId,
    });
    const own = signUp !== null && signUp.residentSubject === identity.subject;
    if (!signUp || !(own || (await this.staff.isStaffOf(identity, occurrence.tenantId, occurrence.gridId)))) {
      throw ServiceEventErrors.SIGN_UP_NOT_FOUND(occurrence.id, signUpId);
    }
    return signUp;
  }
}
