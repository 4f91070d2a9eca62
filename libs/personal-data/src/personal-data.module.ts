import { DynamicModule, Module, Type } from '@nestjs/common';
import { ContactAccessLog } from './contact-access-log';
import { ContactAccessLogEntry } from './contact-access-log.entity';
import { ContactAccessLogReader } from './contact-access-log.reader';
import { DISTRICT_DIRECTORY, DistrictDirectory } from './district-directory';
import { ContactAccessLogController, PersonalDataPolicyController } from './personal-data.controller';
import { PersonalDataPolicy } from './personal-data-policy.entity';
import { PersonalDataPolicies } from './personal-data-policies';
import { PERSONAL_DATA_CONFIG, PersonalDataConfig } from './personal-data.config';

/** Entities of this module, for the service's DataSource (tables from createPersonalDataTables in a migration). */
export const personalDataEntities = [ContactAccessLogEntry, PersonalDataPolicy];

/**
 * The access log and the retention policy, in a service that holds contacts. The service says how it knows its
 * districts; its own features record reads (ContactAccessLog) and schedule erasures (PersonalDataPolicies).
 */
@Module({})
export class PersonalDataModule {
  static with(config: PersonalDataConfig, districts: Type<DistrictDirectory>): DynamicModule {
    return {
      module: PersonalDataModule,
      // Global, so a service's feature modules record reads and read the period without importing it again.
      global: true,
      controllers: [ContactAccessLogController, PersonalDataPolicyController],
      providers: [
        { provide: PERSONAL_DATA_CONFIG, useValue: config },
        { provide: DISTRICT_DIRECTORY, useClass: districts },
        ContactAccessLog,
        ContactAccessLogReader,
        PersonalDataPolicies,
      ],
      exports: [ContactAccessLog, PersonalDataPolicies],
    };
  }

  /**
   * Only the access log, for a service that shows contacts but does not erase them on a period of its own
   * (volunteer-coordination: a volunteer's phone, with their consent).
   */
  static accessLogOnly(): DynamicModule {
    return {
      module: PersonalDataModule,
      global: true,
      controllers: [ContactAccessLogController],
      providers: [ContactAccessLog, ContactAccessLogReader],
      exports: [ContactAccessLog],
    };
  }
}
