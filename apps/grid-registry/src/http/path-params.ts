import { ApiProperty } from '@nestjs/swagger';
import { TenantParams } from '@gridline/platform';
import { IsUUID } from 'class-validator';

/** Path parameters of this service's routes; `TenantParams` is shared by every service. */
export { TenantParams };

export class TenantGridParams extends TenantParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId: string;
}
