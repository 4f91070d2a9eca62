import { Injectable } from '@nestjs/common';
import { GridTree } from '@gridline/grid-replica';

import { Open311ApiKey } from '../../open311-api-key.entity';
import { Open311ApiKeys } from '../../open311-api-keys';
import { ApiKeyView, IssuedApiKeyView } from './issue-api-key.dto';

export function toApiKeyView(key: Open311ApiKey): ApiKeyView {
  return {
    keyId: key.id,
    tenantId: key.tenantId,
    appName: key.appName,
    keyHint: key.keyHint,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** A district administrator issues an Open311 API key to one civic app of their district. */
@Injectable()
export class IssueApiKeyUseCase {
  constructor(
    private readonly grids: GridTree,
    private readonly keys: Open311ApiKeys,
  ) {}

  async execute(tenantId: string, appName: string, issuedBy: string): Promise<IssuedApiKeyView> {
    await this.grids.requireTenant(tenantId);
    const { record, apiKey } = await this.keys.issue(tenantId, appName, issuedBy);
    return { ...toApiKeyView(record), apiKey };
  }
}
