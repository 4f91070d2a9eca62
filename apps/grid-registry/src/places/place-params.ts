import { ApiProperty } from '@nestjs/swagger';
import { TenantParams } from '@gridline/platform';
import { IsUUID } from 'class-validator';

export class TenantPlaceParams extends TenantParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'placeId must be a UUID' })
  placeId: string;
}
