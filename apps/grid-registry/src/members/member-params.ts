import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { TenantGridParams } from '../http/path-params';

export class TenantGridMemberParams extends TenantGridParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId: string;
}
