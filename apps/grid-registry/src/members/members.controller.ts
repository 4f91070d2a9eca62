import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  assertCanActOnGrid,
  CorrelationId,
  CurrentIdentity,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { AccessedVia, AccessRoute, ContactAccessLog } from '@gridline/personal-data';
import { GridReader } from '../grids/grid-reader';
import { TenantGridParams } from '../http/path-params';
import { ListMembersQuery } from './list-members.query';
import { TenantGridMemberParams } from './member-params';
import { MemberView } from './member-view';
import { MemberContactView } from './member-contact.view';
import { MembersReader } from './members.reader';
import { AddMemberDto } from './use-cases/add-member/add-member.dto';
import { AddMemberUseCase } from './use-cases/add-member/add-member.use-case';
import { EndMembershipUseCase } from './use-cases/end-membership/end-membership.use-case';
import { TenantErrors } from '../tenants/tenant-errors';
import { GridErrors } from '../grids/grid-errors';
import { MemberErrors } from './member-errors';

@ApiTags('members')
@Controller('v1/tenants/:tenantId/grids/:gridId/members')
export class MembersController {
  constructor(
    private readonly grids: GridReader,
    private readonly reader: MembersReader,
    private readonly addMember: AddMemberUseCase,
    private readonly endMembership: EndMembershipUseCase,
    private readonly accessLog: ContactAccessLog,
  ) {}

  @Post()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      'Add a person to a grid in a role: leader 网格长, worker 网格员, party-hub 党员中心户, property 物业, merchant 商户, volunteer',
    description:
      'District staff anywhere in the district; grid staff on their grid and below (a leader is appointed from above: grid staff only below their own grid). ' +
      'Emits MemberStateChanged (public: no phone, a name only for leaders and workers) and MemberContactsChanged (internal). A first leader also updates the grid state.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: MemberView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    MemberErrors.LEADER_EXISTS,
  )
  async add(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: AddMemberDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<MemberView> {
    const lineage = await this.grids.lineage(tenantId, gridId);
    // As with PUT …/leader: a leader may appoint leaders below them, not a second leader beside themselves.
    assertCanActOnGrid(identity, body.role === 'leader' ? lineage.slice(1) : lineage, 'this grid');
    return this.addMember.execute({ tenantId, gridId, member: body, correlationId });
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      "A grid's members (active ones; `includeEnded=true` adds the history), oldest first; never a phone (see …/{memberId}/contact)",
  })
  @ApiOkResponse({ type: [MemberView] })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
  )
  async list(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Query() query: ListMembersQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<MemberView[]> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    return this.reader.list(tenantId, gridId, query.includeEnded ?? false);
  }

  @Get(':memberId/contact')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      "How to reach a member: their phone, for district staff and the staff of the member's grid or a grid above it",
    description:
      'The only route that shows a phone. Every answer that carries one is recorded in the contact access log (who, when, which member, this route); ' +
      "an ended membership's phone is shown until the district's retention period erases it.",
  })
  @ApiOkResponse({ type: MemberContactView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    MemberErrors.MEMBER_NOT_FOUND,
  )
  async contact(
    @Param() { tenantId, gridId, memberId }: TenantGridMemberParams,
    @CurrentIdentity() identity: Identity,
    @AccessedVia() via: AccessRoute,
  ): Promise<MemberContactView> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    const contact = await this.reader.contact(tenantId, gridId, memberId);
    if (contact.phone !== null)
      await this.accessLog.record(identity, via, { tenantId, memberId, fields: ['phone'], purpose: 'member-contact' });
    return contact;
  }

  @Delete(':memberId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      "End a membership (the row is kept with `endedAt`; the phone is erased after the district's retention period; the member leaves the roster)",
    description: 'Repeating it answers the same ended member. A leader is replaced with PUT …/leader instead.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: MemberView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    MemberErrors.MEMBER_NOT_FOUND,
    MemberErrors.LEADER_MUST_BE_REPLACED,
  )
  async end(
    @Param() { tenantId, gridId, memberId }: TenantGridMemberParams,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<MemberView> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    return this.endMembership.execute({ tenantId, gridId, memberId, correlationId });
  }
}
