import { Module } from '@nestjs/common';
import { HoursLedger } from './hours-ledger';

/** The append-only hours ledger, shared by the features that credit hours: task completion and service-event shifts. */
@Module({ providers: [HoursLedger], exports: [HoursLedger] })
export class HoursLedgerModule {}
