import { applyDecorators, Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessedVia, AccessRoute } from '@gridline/personal-data';
import { ApiErrors, CurrentIdentity, Identity, Permit, PlatformErrors } from '@gridline/platform';
import { IssueErrors } from '../issues/issue-errors';
import { TenantIssueParams } from '../intake/path-params';
import { PersonalDataErrors } from './personal-data-errors';
import { ReporterContactReader } from './reporter-contact.reader';
import { ReporterContactReads } from './reporter-contact-reads';
import { ReporterContactView, toReporterContactView } from './reporter-contact.view';
import { EraseOwnContactUseCase } from './use-cases/erase-own-contact/erase-own-contact.use-case';

/** Both routes answer 200 with the contact as it now stands. */
const ContactDocs = (summary: string, description: string) =>
  applyDecorators(HttpCode(200), ApiOperation({ summary, description }), ApiOkResponse({ type: ReporterContactView }));

/**
 * A reporter's contact on one report (docs/adr/0022): the resident who reported it sees it on their open and
 * closed reports and erases it at once; the district's staff may read it. Every answer that shows it is in the
 * contact access log.
 */
@ApiTags('personal data')
@Controller('v1/tenants/:tenantId/issues/:issueId/contact')
export class ReporterContactController {
  constructor(
    private readonly reader: ReporterContactReader,
    private readonly reads: ReporterContactReads,
    private readonly eraseOwnContact: EraseOwnContactUseCase,
  ) {}

  @Get()
  @Permit('resident', 'district-staff')
  @ContactDocs(
    "The report's contact: for its reporter (open and closed reports) and the district's staff",
    'Recorded in the contact access log unless it is erased (then every field is null).',
  )
  @ApiErrors(
    PlatformErrors.VALIDATION_FAILED,
    PersonalDataErrors.FORBIDDEN_ROLE,
    PlatformErrors.FORBIDDEN_DISTRICT,
    IssueErrors.OUTSIDE_YOUR_GRID,
    IssueErrors.ISSUE_NOT_FOUND,
  )
  async get(
    @Param() { tenantId, issueId }: TenantIssueParams,
    @CurrentIdentity() identity: Identity,
    @AccessedVia() via: AccessRoute,
  ): Promise<ReporterContactView> {
    const view = toReporterContactView(await this.reader.read(tenantId, issueId, identity));
    await this.reads.recordShown(identity, via, { tenantId, caseId: issueId, contact: view.contact }, 'contact-view');
    return view;
  }

  @Delete()
  @Permit('resident')
  @ContactDocs(
    'Reporter: erase my contact from this report now; the case is kept',
    "Name, phone, e-mail (and an Open311 app's device and account ids) go; the case history records it. Repeating it changes nothing.",
  )
  @ApiErrors(
    PlatformErrors.VALIDATION_FAILED,
    PlatformErrors.FORBIDDEN_ROLE,
    PlatformErrors.FORBIDDEN_DISTRICT,
    IssueErrors.OUTSIDE_YOUR_GRID,
    IssueErrors.ISSUE_NOT_FOUND,
  )
  async erase(
    @Param() { tenantId, issueId }: TenantIssueParams,
    @CurrentIdentity() identity: Identity,
  ): Promise<ReporterContactView> {
    return toReporterContactView(await this.eraseOwnContact.execute({ tenantId, issueId, identity }));
  }
}
