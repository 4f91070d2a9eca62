import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentIdentity, DocumentedError, Identity, Permit } from '@gridline/platform';
import { TenantIssueParams } from '../intake/path-params';
import { CaseActionDto, ReasonedCaseActionDto } from './case-action.dto';
import { CaseCommand } from './case-workflow';
import { caseActionErrors, IssueErrors } from './issue-errors';
import { CaseView, toIssueView } from './issue-view';
import { AcceptIssueUseCase } from './use-cases/accept-issue/accept-issue.use-case';
import { CloseIssueUseCase } from './use-cases/close-issue/close-issue.use-case';
import { DecideExtensionUseCase } from './use-cases/decide-extension/decide-extension.use-case';
import { DispatchIssueDto } from './use-cases/dispatch-issue/dispatch-issue.dto';
import { DispatchIssueUseCase } from './use-cases/dispatch-issue/dispatch-issue.use-case';
import { EscalateIssueManuallyUseCase } from './use-cases/escalate-issue-manually/escalate-issue-manually.use-case';
import { ParkIssueUseCase } from './use-cases/park-issue/park-issue.use-case';
import { RateIssueDto } from './use-cases/rate-issue/rate-issue.dto';
import { RateIssueUseCase } from './use-cases/rate-issue/rate-issue.use-case';
import { ReassignIssueDto } from './use-cases/reassign-issue/reassign-issue.dto';
import { ReassignIssueUseCase } from './use-cases/reassign-issue/reassign-issue.use-case';
import { RejectIssueDto } from './use-cases/reject-issue/reject-issue.dto';
import { RejectIssueUseCase } from './use-cases/reject-issue/reject-issue.use-case';
import { RequestExtensionDto } from './use-cases/request-extension/request-extension.dto';
import { RequestExtensionUseCase } from './use-cases/request-extension/request-extension.use-case';
import { ResolveIssueUseCase } from './use-cases/resolve-issue/resolve-issue.use-case';
import { ReturnIssueUseCase } from './use-cases/return-issue/return-issue.use-case';
import { StartWorkUseCase } from './use-cases/start-work/start-work.use-case';
import { UnparkIssueUseCase } from './use-cases/unpark-issue/unpark-issue.use-case';
import { VerifyIssueDto } from './use-cases/verify-issue/verify-issue.dto';
import { VerifyIssueUseCase } from './use-cases/verify-issue/verify-issue.use-case';

const command = (
  { tenantId, issueId }: TenantIssueParams,
  identity: Identity,
  body: { expectedVersion?: number },
): CaseCommand => ({
  tenantId,
  issueId,
  identity,
  expectedVersion: body.expectedVersion,
});
/**
 * A case action answers 200 with the case as it now stands, or one of `caseActionErrors` and the refusals of its
 * own (`ISSUE_PARKED` for every action but un-parking).
 */
const CaseActionDocs = (summary: string, ...errors: readonly DocumentedError[]) =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ type: CaseView }),
    ApiErrors(...caseActionErrors, ...errors),
  );

const view = async (pending: Promise<Parameters<typeof toIssueView>[0]>): Promise<CaseView> =>
  toIssueView(await pending);

/**
 * The case loop after intake (docs/adr/0012-case-loop.md). Every action names the version the caller saw;
 * who may take it depends on where the case sits (the holding grid, a grid above it, the dispatch centre, the
 * reporter). A refused action — 403, 404, 409 (`VERSION_CONFLICT`, `ILLEGAL_TRANSITION`, `ISSUE_PARKED`, …) or
 * 422, each route's listed from IssueErrors — changes nothing and emits nothing.
 */
@ApiTags('case loop')
@Controller('v1/tenants/:tenantId/issues/:issueId')
export class IssueCaseController {
  constructor(
    private readonly acceptIssue: AcceptIssueUseCase,
    private readonly rejectIssue: RejectIssueUseCase,
    private readonly dispatchIssue: DispatchIssueUseCase,
    private readonly startWork: StartWorkUseCase,
    private readonly resolveIssue: ResolveIssueUseCase,
    private readonly verifyIssue: VerifyIssueUseCase,
    private readonly closeIssue: CloseIssueUseCase,
    private readonly rateIssue: RateIssueUseCase,
    private readonly requestExtension: RequestExtensionUseCase,
    private readonly decideExtension: DecideExtensionUseCase,
    private readonly returnIssue: ReturnIssueUseCase,
    private readonly escalateIssue: EscalateIssueManuallyUseCase,
    private readonly reassignIssue: ReassignIssueUseCase,
    private readonly parkIssue: ParkIssueUseCase,
    private readonly unparkIssue: UnparkIssueUseCase,
  ) {}

  @Post('accept')
  @Permit('district-staff')
  @CaseActionDocs('Dispatch centre: open a case (立案) for a report waiting in the queue', IssueErrors.ISSUE_PARKED)
  accept(
    @Param() params: TenantIssueParams,
    @Body() body: CaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.acceptIssue.execute(command(params, identity, body), body));
  }

  @Post('reject')
  @Permit('district-staff')
  @CaseActionDocs(
    'Dispatch centre: decline a queued report or returned case — invalid, duplicate (naming the original), not our responsibility',
    IssueErrors.ISSUE_PARKED,
    IssueErrors.UNKNOWN_ORIGINAL_ISSUE,
  )
  reject(
    @Param() params: TenantIssueParams,
    @Body() body: RejectIssueDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.rejectIssue.execute(command(params, identity, body), body));
  }

  @Post('dispatch')
  @Permit('district-staff')
  @CaseActionDocs(
    'Dispatch centre: send a case from the queue to a grid by id; its acknowledgement clock starts',
    IssueErrors.ISSUE_PARKED,
    IssueErrors.UNKNOWN_GRID,
  )
  dispatch(
    @Param() params: TenantIssueParams,
    @Body() body: DispatchIssueDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.dispatchIssue.execute(command(params, identity, body), body));
  }

  @Post('start-work')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs('Holder: start handling an acknowledged case', IssueErrors.ISSUE_PARKED)
  start(
    @Param() params: TenantIssueParams,
    @Body() body: CaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.startWork.execute(command(params, identity, body), body));
  }

  @Post('resolve')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs(
    'Holder: the problem is solved; the resolve clock stops and the case waits for verification',
    IssueErrors.ISSUE_PARKED,
  )
  resolve(
    @Param() params: TenantIssueParams,
    @Body() body: CaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.resolveIssue.execute(command(params, identity, body), body));
  }

  @Post('verify')
  @Permit('resident', 'grid-staff', 'district-staff')
  @CaseActionDocs(
    'Reporter or dispatch centre: confirm the resolution (passed) or reopen the case for rework (failed)',
    IssueErrors.ISSUE_PARKED,
  )
  verify(
    @Param() params: TenantIssueParams,
    @Body() body: VerifyIssueDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.verifyIssue.execute(command(params, identity, body), body));
  }

  @Post('close')
  @Permit('district-staff')
  @CaseActionDocs('Dispatch centre: close a verified case (结案)', IssueErrors.ISSUE_PARKED)
  close(
    @Param() params: TenantIssueParams,
    @Body() body: CaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.closeIssue.execute(command(params, identity, body), body));
  }

  @Post('rate')
  @Permit('resident', 'grid-staff', 'district-staff')
  @CaseActionDocs(
    'Reporter: rate the closed case 1–5 with an optional comment, once',
    IssueErrors.ISSUE_PARKED,
    IssueErrors.ALREADY_RATED,
  )
  rate(
    @Param() params: TenantIssueParams,
    @Body() body: RateIssueDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.rateIssue.execute(command(params, identity, body), body));
  }

  @Post('request-extension')
  @Permit('grid-staff')
  @CaseActionDocs(
    'Holding grid: ask one level up for a later resolve deadline (延期), with a reason',
    IssueErrors.ISSUE_PARKED,
    IssueErrors.EXTENSION_PENDING,
    IssueErrors.INVALID_EXTENSION,
  )
  askForExtension(
    @Param() params: TenantIssueParams,
    @Body() body: RequestExtensionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.requestExtension.execute(command(params, identity, body), body));
  }

  @Post('approve-extension')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs(
    'A grid above the holder, or the dispatch centre: approve the pending extension; the resolve deadline moves',
    IssueErrors.ISSUE_PARKED,
    IssueErrors.NO_PENDING_EXTENSION,
  )
  approveExtension(
    @Param() params: TenantIssueParams,
    @Body() body: CaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.decideExtension.approve(command(params, identity, body), body));
  }

  @Post('deny-extension')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs(
    'A grid above the holder, or the dispatch centre: deny the pending extension',
    IssueErrors.ISSUE_PARKED,
    IssueErrors.NO_PENDING_EXTENSION,
  )
  denyExtension(
    @Param() params: TenantIssueParams,
    @Body() body: CaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.decideExtension.deny(command(params, identity, body), body));
  }

  @Post('return')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs(
    'Holding grid: return a wrongly dispatched case (回退) to the dispatch centre queue, with a reason',
    IssueErrors.ISSUE_PARKED,
  )
  giveBack(
    @Param() params: TenantIssueParams,
    @Body() body: ReasonedCaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.returnIssue.execute(command(params, identity, body), body));
  }

  @Post('escalate')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs(
    'Holder or above: send the case one level up now (reason `manual`), with fresh deadlines',
    IssueErrors.ISSUE_PARKED,
  )
  escalate(
    @Param() params: TenantIssueParams,
    @Body() body: ReasonedCaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.escalateIssue.execute(command(params, identity, body), body));
  }

  @Post('reassign')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs(
    'Holding grid’s leader or above: hand the case to another member of the same grid',
    IssueErrors.ISSUE_PARKED,
  )
  reassign(
    @Param() params: TenantIssueParams,
    @Body() body: ReassignIssueDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.reassignIssue.execute(command(params, identity, body), body));
  }

  @Post('park')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs(
    'Holding grid’s leader or above: park a long-running case (挂账) with a reason; its clocks pause',
    IssueErrors.ISSUE_PARKED,
  )
  park(
    @Param() params: TenantIssueParams,
    @Body() body: ReasonedCaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.parkIssue.execute(command(params, identity, body), body));
  }

  @Post('unpark')
  @Permit('grid-staff', 'district-staff')
  @CaseActionDocs('Resume a parked case; each clock gets back the time it had left', IssueErrors.NOT_PARKED)
  unpark(
    @Param() params: TenantIssueParams,
    @Body() body: CaseActionDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return view(this.unparkIssue.execute(command(params, identity, body), body));
  }
}
