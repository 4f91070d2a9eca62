import { ServiceEventSeries } from './service-event-series.entity';
import { OccurrencePool, ServiceOccurrence } from './service-occurrence.entity';
import { ServiceSignUp } from './service-sign-up.entity';

/** The TypeORM entities of service events, for the service's DatabaseModule. */
export const serviceEventEntities = [ServiceEventSeries, ServiceOccurrence, OccurrencePool, ServiceSignUp];
