import { DynamicModule, Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { GridStaffModule } from '../access/grid-staff.module';
import { HoursModule } from '../hours/hours.module';
import { OccurrenceAccess } from './occurrence-access';
import { SERVICE_EVENTS_CONFIG, ServiceEventsConfig } from './service-events.config';
import { ServiceEventSeriesReader } from './service-event-series.reader';
import { ServiceEventsController } from './service-events.controller';
import { ServiceOccurrencesController } from './service-occurrences.controller';
import { ServiceOccurrencesReader } from './service-occurrences.reader';
import { ServiceSignUpsReader } from './service-sign-ups.reader';
import { CancelSignUpUseCase } from './use-cases/cancel-sign-up/cancel-sign-up.use-case';
import { CreateServiceEventUseCase } from './use-cases/create-service-event/create-service-event.use-case';
import { MaterialiseOccurrencesUseCase } from './use-cases/materialise-occurrences/materialise-occurrences.use-case';
import { RecordAttendanceUseCase } from './use-cases/record-attendance/record-attendance.use-case';
import { SendRemindersUseCase } from './use-cases/send-reminders/send-reminders.use-case';
import { SignUpUseCase } from './use-cases/sign-up/sign-up.use-case';

/** Recurring service events: series, occurrences, sign-ups with waitlist, attendance, reminders. */
@Module({})
export class ServiceEventsModule {
  static with(config: ServiceEventsConfig): DynamicModule {
    return {
      module: ServiceEventsModule,
      imports: [GridReplicaModule, GridStaffModule, HoursModule],
      controllers: [ServiceEventsController, ServiceOccurrencesController],
      providers: [
        { provide: SERVICE_EVENTS_CONFIG, useValue: config },
        OccurrenceAccess,
        ServiceEventSeriesReader,
        ServiceOccurrencesReader,
        ServiceSignUpsReader,
        CreateServiceEventUseCase,
        MaterialiseOccurrencesUseCase,
        SignUpUseCase,
        CancelSignUpUseCase,
        RecordAttendanceUseCase,
        SendRemindersUseCase,
      ],
    };
  }
}
