import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventContext } from '@gridline/messaging';
import { minutesOfHours } from '../../domain/service-minutes';
import { HoursEntry } from '../../hours-entry.entity';
import { HoursErrors } from '../../hours-errors';
import { HoursLedger } from '../../hours-ledger';
import { HoursCorrection } from './correct-hours.command';

/** Books a correction as a new ledger entry with its reason; 422 CORRECTION_NOT_ALLOWED when a total would go negative. */
@Injectable()
export class CorrectHoursUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: HoursLedger,
  ) {}

  execute(tenantId: string, body: HoursCorrection, recordedBy: string, correlationId: string): Promise<HoursEntry> {
    const minutes = minutesOfHours(body.hours);
    if (minutes === null) throw HoursErrors.INVALID_HOURS();
    return this.dataSource.transaction((manager) =>
      this.ledger.correct(
        manager,
        {
          tenantId,
          volunteerId: body.volunteerId,
          minutes,
          reason: body.reason.trim(),
          correctsEntryId: body.correctsEntryId ?? null,
          recordedBy,
        },
        EventContext.start(tenantId, correlationId),
      ),
    );
  }
}
