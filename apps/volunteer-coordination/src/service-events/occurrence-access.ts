import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Identity } from '@gridline/platform';
import { GridStaff } from '../access/grid-staff';
import { ServiceEventErrors } from './service-event-errors';
import { ServiceOccurrence } from './service-occurrence.entity';
import { ServiceSignUp } from './service-sign-up.entity';

/** An action on one sign-up of one occurrence (cancel, check in, check out). */
export interface SignUpActionCommand {
  readonly tenantId: string;
  readonly occurrenceId: string;
  readonly signUpId: string;
  readonly identity: Identity;
  readonly correlationId: string;
}

/**
 * Finding occurrences and sign-ups within one district, and who may act on them: staff of the event's grid
 * (or above it, or the district) act on every sign-up; anyone else only on their own, and others' look absent.
 */
@Injectable()
export class OccurrenceAccess {
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
