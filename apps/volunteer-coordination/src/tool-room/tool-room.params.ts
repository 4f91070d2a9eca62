import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TenantParams } from '@gridline/platform';
import { PageQuery } from '../http/page-query';

export class TenantToolRoomParams extends TenantParams {
  @ApiProperty({ description: 'The community (level-2 grid) whose tool room it is.' })
  @IsString()
  @Length(1, 64)
  gridId: string;
}

export class TenantToolParams extends TenantToolRoomParams {
  @ApiProperty()
  @IsUUID('all', { message: 'toolId must be a UUID' })
  toolId: string;
}

export class TenantLoanParams extends TenantToolRoomParams {
  @ApiProperty()
  @IsUUID('all', { message: 'loanId must be a UUID' })
  loanId: string;
}

export class ListLoansQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only loans not yet returned.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
}
