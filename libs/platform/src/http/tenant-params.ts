import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/**
 * The `:tenantId` path parameter every tenant-scoped route has, validated like a body so a malformed id is a
 * 400 naming the parameter. Services extend it with their own ids: one class per route shape, because the
 * strict pipe rejects parameters a class does not declare.
 */
export class TenantParams {
  @ApiProperty({ example: 'erqi', description: 'The district (tenant) id.' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'tenantId must be 2-40 lowercase letters, digits or dashes' })
  tenantId: string;
}
