import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

/**
 * Path parameters validated like bodies, so a malformed id is a 400 naming the parameter, not a 500. One class
 * per route shape, because the strict pipe rejects parameters a class does not declare.
 */
export class TenantParams {
  @ApiProperty({ example: 'erqi' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'tenantId must be 2-40 lowercase letters, digits or dashes' })
  tenantId: string;
}

export class TenantGridParams extends TenantParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId: string;
}
