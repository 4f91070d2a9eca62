import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { TenantParams, IsInstant } from '@gridline/platform';
import { PageQuery } from '../http/page-query';

export class TenantSeriesParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'seriesId must be a UUID' })
  seriesId: string;
}

export class TenantOccurrenceParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'occurrenceId must be a UUID' })
  occurrenceId: string;
}

export class TenantSignUpParams extends TenantOccurrenceParams {
  @ApiProperty()
  @IsUUID('all', { message: 'signUpId must be a UUID' })
  signUpId: string;
}

export class ListOccurrencesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the occurrences of this series.' })
  @IsOptional()
  @IsUUID('all', { message: 'seriesId must be a UUID' })
  seriesId?: string;

  @ApiPropertyOptional({ description: 'Only occurrences starting at or after this instant (ISO 8601); default: now.' })
  @IsOptional()
  @IsInstant({ message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({
    description:
      'Only occurrences starting before this instant (ISO 8601, exclusive); with `from`, a date range such as one month.',
  })
  @IsOptional()
  @IsInstant({ message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

export class ListSignUpsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['confirmed', 'waitlisted', 'cancelled'] })
  @IsOptional()
  @IsIn(['confirmed', 'waitlisted', 'cancelled'])
  status?: 'confirmed' | 'waitlisted' | 'cancelled';
}
