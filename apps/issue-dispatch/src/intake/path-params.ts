import { ApiProperty } from '@nestjs/swagger';
import { TenantParams } from '@gridline/platform';
import { IsUUID, Matches } from 'class-validator';

/** Path parameters of this service's routes; `TenantParams` is shared by every service. */
export { TenantParams };

export class TenantCategoryParams extends TenantParams {
  @ApiProperty({ example: 'street-vending' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'code must be lowercase words joined by dashes' })
  code: string;
}

export class TenantIssueParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'issueId must be a UUID' })
  issueId: string;
}
