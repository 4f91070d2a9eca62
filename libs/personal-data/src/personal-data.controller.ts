import { applyDecorators, Body, Controller, Get, Param, Put, Query, Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CurrentIdentity,
  DocumentedError,
  Identity,
  Permit,
  TenantParams,
  tenantRouteErrors,
} from '@gridline/platform';
import { ContactAccessLogQuery, ContactAccessPageView } from './contact-access-log.query';
import { ContactAccessLogReader } from './contact-access-log.reader';
import { PersonalDataErrors } from './personal-data-errors';
import { PersonalDataPolicyView, SetPersonalDataPolicyDto } from './personal-data-policy.dto';
import { PersonalDataPolicies } from './personal-data-policies';

/** Every route here: what it does, what it answers, the errors it may give and what makes its input a 400. */
const PersonalDataDocs = (
  summary: string,
  type: Type<unknown>,
  badInput: string,
  ...ownErrors: readonly DocumentedError[]
) =>
  applyDecorators(
    ApiOperation({ summary, description: `400 VALIDATION_FAILED: ${badInput}.` }),
    ApiOkResponse({ type }),
    ApiErrors(...tenantRouteErrors, ...ownErrors),
  );

const PersonalDataRoutes = () => applyDecorators(ApiTags('personal data'), Controller('v1/tenants/:tenantId'));

/**
 * The log of every answer of this service that revealed a contact, for the district's auditor
 * (docs/adr/0022-personal-data-audit-and-erasure.md).
 */
@PersonalDataRoutes()
export class ContactAccessLogController {
  constructor(private readonly log: ContactAccessLogReader) {}

  @Get('contact-access-log')
  @Permit('auditor')
  @PersonalDataDocs(
    'Auditor: who read whose contact, when, through which route — newest first, filtered by period, reader (`subject`), case or member; append-only',
    ContactAccessPageView,
    'a bad date, `from` after `to`, a bad id, limit over 200, offset over 10,000',
  )
  accessLog(
    @Param() { tenantId }: TenantParams,
    @Query() query: ContactAccessLogQuery,
  ): Promise<ContactAccessPageView> {
    return this.log.list(tenantId, query);
  }
}

/** The district's retention period for the contacts this service erases. */
@PersonalDataRoutes()
export class PersonalDataPolicyController {
  constructor(private readonly policies: PersonalDataPolicies) {}

  @Get('personal-data-policy')
  @Permit('district-admin', 'auditor')
  @PersonalDataDocs(
    "The district's contact retention period here, or the configured default (`source: default`)",
    PersonalDataPolicyView,
    'a malformed tenantId',
    PersonalDataErrors.TENANT_NOT_FOUND,
  )
  policy(@Param() { tenantId }: TenantParams): Promise<PersonalDataPolicyView> {
    return this.policies.view(tenantId);
  }

  @Put('personal-data-policy')
  @Permit('district-admin')
  @PersonalDataDocs(
    'District administrator: how long a contact is kept after its case closes or is rejected, or its membership ends, then erased (the case or member record is kept); applies to what ends from now on',
    PersonalDataPolicyView,
    'neither or both of contactRetentionDays/contactRetentionSeconds, not a whole number, over ten years',
    PersonalDataErrors.TENANT_NOT_FOUND,
  )
  setPolicy(
    @Param() { tenantId }: TenantParams,
    @Body() body: SetPersonalDataPolicyDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<PersonalDataPolicyView> {
    return this.policies.set(tenantId, body, identity);
  }
}
