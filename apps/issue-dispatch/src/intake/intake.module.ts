import { DynamicModule, Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { ReportIssueUseCase } from '../issues/use-cases/report-issue/report-issue.use-case';
import { ReporterContactModule } from '../personal-data/reporter-contact.module';
import { PossibleDuplicates } from './duplicates/possible-duplicates';
import { INTAKE_CONFIG, IntakeConfig } from './intake-config';
import { Open311AccessGuard } from './open311/open311-access.guard';
import { Open311ApiKey } from './open311/open311-api-key.entity';
import { Open311ApiKeys } from './open311/open311-api-keys';
import { Open311ApiKeysController } from './open311/open311-api-keys.controller';
import { Open311RateLimiter } from './open311/open311-rate-limiter';
import { Open311ServicesReader } from './open311/open311-services.reader';
import { Open311Controller } from './open311/open311.controller';
import { IssueApiKeyUseCase } from './open311/use-cases/issue-api-key/issue-api-key.use-case';
import { ListServiceRequestsUseCase } from './open311/use-cases/list-service-requests/list-service-requests.use-case';
import { PostServiceRequestUseCase } from './open311/use-cases/post-service-request/post-service-request.use-case';
import { ReportIntake } from './report-intake';

/** Entities of the intake feature, for the service's DataSource. */
export const intakeEntities = [Open311ApiKey];

/**
 * The one path every report takes, by the REST route (IssuesController) or by Open311 GeoReport v2:
 * Idempotency-Key, then the report use case, which reads the likely duplicates beside its write. Open311 (routes, API
 * keys, rate limits) is part of this module, not one of its own: it is a second door to the same ReportIntake and
 * reads the same IntakeConfig.
 * ReportIssueUseCase (issues/use-cases/report-issue) is provided here, beside its only caller, so that issues
 * depends on intake and not both ways; it groups reports into shared commits, so there must be one instance — the
 * root builds this module once and hands it to IssuesModule.
 */
@Module({})
export class IntakeModule {
  static with(config: IntakeConfig, categories: DynamicModule): DynamicModule {
    return {
      module: IntakeModule,
      imports: [GridReplicaModule, categories, ReporterContactModule],
      controllers: [Open311Controller, Open311ApiKeysController],
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        ReportIssueUseCase,
        ReportIntake,
        PossibleDuplicates,
        Open311ApiKeys,
        Open311RateLimiter,
        Open311AccessGuard,
        Open311ServicesReader,
        PostServiceRequestUseCase,
        ListServiceRequestsUseCase,
        IssueApiKeyUseCase,
      ],
      exports: [ReportIntake],
    };
  }
}
