import { applyDecorators, Body, Controller, Get, Param, Put, Query, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentIdentity, Identity, Permit, TenantParams } from '@gridline/platform';
import { ContactAccessLogQuery, ContactAccessPageView } from './contact-access-log.query';
import { ContactAccessLogReader } from './contact-access-log.reader';
import { PersonalDataPolicyView, SetPersonalDataPolicyDto } from './personal-data-policy.dto';
import { PersonalDataPolicies } from './personal-data-policies';

/** Every route here: what it does, what it answers, and the 400s it gives. */
const PersonalDataDocs = (summary: string, type: Type<unknown>, bad: string) =>
  applyDecorators(ApiOperation({ summary }), ApiOkResponse({ type }), ApiBadRequestResponse({ description: bad }));

const PersonalDataRoutes = () =>
  applyDecorators(
    ApiTags('personal data'),
    ApiForbiddenResponse({
      description: 'FORBIDDEN_ROLE (not the role this needs), FORBIDDEN_DISTRICT (another district)',
    }),
    ApiNotFoundResponse({ description: 'TENANT_NOT_FOUND' }),
    Controller('v1/tenants/:tenantId'),
  );

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
    'VALIDATION_FAILED (a bad date, `from` after `to`, a bad id, limit over 200, offset over 10,000)',
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
    'VALIDATION_FAILED (tenantId)',
  )
  policy(@Param() { tenantId }: TenantParams): Promise<PersonalDataPolicyView> {
    return this.policies.view(tenantId);
  }

  @Put('personal-data-policy')
  @Permit('district-admin')
  @PersonalDataDocs(
    'District administrator: how long a contact is kept after its case closes or is rejected, or its membership ends, then erased (the case or member record is kept); applies to what ends from now on',
    PersonalDataPolicyView,
    'VALIDATION_FAILED (neither or both of contactRetentionDays/contactRetentionSeconds, not a whole number, over ten years)',
  )
  setPolicy(
    @Param() { tenantId }: TenantParams,
    @Body() body: SetPersonalDataPolicyDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<PersonalDataPolicyView> {
    return this.policies.set(tenantId, body, identity);
  }
}
