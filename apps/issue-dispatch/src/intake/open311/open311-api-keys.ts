import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Open311ApiKey } from './open311-api-key.entity';

const KEY_PREFIX = 'o311_';

/** SHA-256 is enough for a key of 192 random bits: nobody guesses it, so nothing needs slowing down. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** Open311 API keys: issued by a district to one civic app, stored as a hash, checked on every POST. */
@Injectable()
export class Open311ApiKeys {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new key; the returned `apiKey` is the only time anyone sees it. */
  async issue(
    tenantId: string,
    appName: string,
    createdBy: string,
  ): Promise<{ record: Open311ApiKey; apiKey: string }> {
    const apiKey = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const record = this.dataSource.manager.create(Open311ApiKey, {
      id: randomUUID(),
      tenantId,
      appName,
      keyHash: hashApiKey(apiKey),
      keyHint: apiKey.slice(-4),
      createdBy,
      revokedAt: null,
    });
    await this.dataSource.manager.insert(Open311ApiKey, record);
    return { record: await this.dataSource.manager.findOneByOrFail(Open311ApiKey, { id: record.id }), apiKey };
  }

  /** The key's record if it is one we issued and have not revoked; which district it is for is the caller's check. */
  async findActive(apiKey: string): Promise<Open311ApiKey | null> {
    if (!apiKey.startsWith(KEY_PREFIX) || apiKey.length > 100) return null;
    return this.dataSource.manager.findOneBy(Open311ApiKey, { keyHash: hashApiKey(apiKey), revokedAt: IsNull() });
  }

  list(tenantId: string): Promise<Open311ApiKey[]> {
    return this.dataSource.manager.find(Open311ApiKey, { where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  /** Revokes a key of this district; false when the district has no such key. Revoking twice changes nothing. */
  async revoke(tenantId: string, keyId: string): Promise<boolean> {
    const key = await this.dataSource.manager.findOneBy(Open311ApiKey, { tenantId, id: keyId });
    if (!key) return false;
    if (!key.revokedAt)
      await this.dataSource.manager.update(Open311ApiKey, { tenantId, id: keyId }, { revokedAt: new Date() });
    return true;
  }
}
