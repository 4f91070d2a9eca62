import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An API key a district issued to one civic app. Only the SHA-256 of the key is stored; the key itself is shown
 * once, when it is issued. A key belongs to one district and can post only there.
 */
@Entity({ name: 'open311_api_keys' })
export class Open311ApiKey {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'app_name', type: 'text' })
  appName: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  /** The key's last four characters, so an administrator can tell keys apart. */
  @Column({ name: 'key_hint', type: 'text' })
  keyHint: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
