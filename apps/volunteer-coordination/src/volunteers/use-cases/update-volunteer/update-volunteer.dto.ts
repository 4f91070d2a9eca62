import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { AvailabilityDto } from '../register-volunteer/register-volunteer.dto';
import type { VolunteerChange } from './update-volunteer.command';

/** What a volunteer changes often; fields left out stay as they are. Not public (no event): availability, cap, consent. */
export class UpdateVolunteerDto implements VolunteerChange {
  @ApiPropertyOptional({ type: AvailabilityDto, description: 'Replaces the weekly windows and exceptions.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AvailabilityDto)
  availability?: AvailabilityDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  weeklyTaskCap?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  consentToContact?: boolean;
}
