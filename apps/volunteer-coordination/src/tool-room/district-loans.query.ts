import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../http/page-query';

export class DistrictLoansQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'true: only loans past their due time; false: only loans not yet due; absent: every loan not yet returned.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
