import { ApiProperty } from '@nestjs/swagger';
import { TenantParams } from '@gridline/platform';
import { IsString, Length } from 'class-validator';

/** Path parameters of this service's routes; `TenantParams` is shared by every service. */
export { TenantParams };

export class TenantIssueParams extends TenantParams {
  @ApiProperty({ description: 'The issue id as the issue events carry it.' })
  @IsString()
  @Length(1, 64)
  issueId: string;
}
