import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Identity, ValidationFailedError } from '@gridline/platform';
import { retentionSecondsOf, SECONDS_PER_DAY } from './domain/contact-retention';
import { DISTRICT_DIRECTORY, DistrictDirectory } from './district-directory';
import { PersonalDataErrors } from './personal-data-errors';
import { PersonalDataPolicy } from './personal-data-policy.entity';
import { PersonalDataPolicyView, SetPersonalDataPolicyDto } from './personal-data-policy.dto';
import { PERSONAL_DATA_CONFIG, PersonalDataConfig } from './personal-data.config';

/**
 * A district's contact retention period in this service. The period in force when a case closes or a membership
 * ends is the one its erasure timer gets; a later change applies to what ends after it (like the escalation
 * policy snapshot, it never moves timers already set).
 */
@Injectable()
export class PersonalDataPolicies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PERSONAL_DATA_CONFIG) private readonly config: PersonalDataConfig,
    @Inject(DISTRICT_DIRECTORY) private readonly districts: DistrictDirectory,
  ) {}

  async retentionSeconds(tenantId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const policy = await manager.findOneBy(PersonalDataPolicy, { tenantId });
    return policy?.contactRetentionSeconds ?? this.config.defaultRetentionSeconds;
  }

  async view(tenantId: string): Promise<PersonalDataPolicyView> {
    await this.assertDistrict(tenantId);
    return this.toView(tenantId, await this.dataSource.manager.findOneBy(PersonalDataPolicy, { tenantId }));
  }

  async set(tenantId: string, body: SetPersonalDataPolicyDto, identity: Identity): Promise<PersonalDataPolicyView> {
    const decision = retentionSecondsOf(body);
    if (!decision.ok) throw new ValidationFailedError([{ field: decision.field, reason: decision.reason }]);
    await this.assertDistrict(tenantId);
    const policy: PersonalDataPolicy = {
      tenantId,
      contactRetentionSeconds: decision.seconds,
      updatedBy: identity.subject,
      updatedAt: new Date(),
    };
    await this.dataSource.manager.upsert(PersonalDataPolicy, policy, ['tenantId']);
    return this.toView(tenantId, policy);
  }

  private async assertDistrict(tenantId: string): Promise<void> {
    if (!(await this.districts.exists(tenantId))) throw PersonalDataErrors.TENANT_NOT_FOUND(tenantId);
  }

  private toView(tenantId: string, policy: PersonalDataPolicy | null): PersonalDataPolicyView {
    const seconds = policy?.contactRetentionSeconds ?? this.config.defaultRetentionSeconds;
    return {
      tenantId,
      contactRetentionSeconds: seconds,
      contactRetentionDays: seconds / SECONDS_PER_DAY,
      source: policy ? 'district' : 'default',
      updatedBy: policy?.updatedBy ?? null,
      updatedAt: policy?.updatedAt.toISOString() ?? null,
    };
  }
}
