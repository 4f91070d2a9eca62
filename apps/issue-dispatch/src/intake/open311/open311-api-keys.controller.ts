import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ApiErrors, CurrentIdentity, Identity, Permit, PlatformErrors, TenantParams } from '@gridline/platform';
import { districtRouteErrors } from '@gridline/grid-replica';
import { Open311Errors } from './open311-errors';
import { Open311ApiKeys } from './open311-api-keys';
import { ApiKeyView, IssueApiKeyDto, IssuedApiKeyView } from './use-cases/issue-api-key/issue-api-key.dto';
import { IssueApiKeyUseCase, toApiKeyView } from './use-cases/issue-api-key/issue-api-key.use-case';

class TenantApiKeyParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'keyId must be a UUID' })
  keyId: string;
}

/** A district's Open311 API keys, one per civic app (docs/adr/0013-open311-intake.md). */
@ApiTags('open311')
@Controller('v1/tenants/:tenantId/open311/api-keys')
export class Open311ApiKeysController {
  constructor(
    private readonly issueApiKey: IssueApiKeyUseCase,
    private readonly keys: Open311ApiKeys,
  ) {}

  @Post()
  @Permit('district-admin')
  @ApiOperation({
    summary: 'Issue an API key to a civic app: it may then POST Open311 requests into this district only',
  })
  @ApiCreatedResponse({ type: IssuedApiKeyView })
  @ApiErrors(...districtRouteErrors)
  issue(
    @Param() { tenantId }: TenantParams,
    @Body() body: IssueApiKeyDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<IssuedApiKeyView> {
    return this.issueApiKey.execute(tenantId, body.appName, identity.subject);
  }

  @Get()
  @Permit('district-admin')
  @ApiOperation({ summary: "The district's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: [ApiKeyView] })
  @ApiErrors(PlatformErrors.VALIDATION_FAILED, PlatformErrors.FORBIDDEN_ROLE, PlatformErrors.FORBIDDEN_DISTRICT)
  async list(@Param() { tenantId }: TenantParams): Promise<ApiKeyView[]> {
    return (await this.keys.list(tenantId)).map(toApiKeyView);
  }

  @Delete(':keyId')
  @Permit('district-admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: the app can no longer post' })
  @ApiNoContentResponse()
  @ApiErrors(
    PlatformErrors.VALIDATION_FAILED,
    PlatformErrors.FORBIDDEN_ROLE,
    PlatformErrors.FORBIDDEN_DISTRICT,
    Open311Errors.API_KEY_NOT_FOUND,
  )
  async revoke(@Param() { tenantId, keyId }: TenantApiKeyParams): Promise<void> {
    if (!(await this.keys.revoke(tenantId, keyId))) throw Open311Errors.API_KEY_NOT_FOUND(tenantId, keyId);
  }
}
