import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { DutyRosterToSet, RosterShift } from './set-duty-roster.command';

export const MAX_SHIFTS_PER_ROSTER = 500;

export class ShiftDto implements RosterShift {
  @ApiProperty({ format: 'uuid', description: 'An active member of this grid.' })
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId: string;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '08:00', description: 'Local start, HH:mm (00:00-23:59)' })
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'from must be HH:mm, 00:00-23:59' })
  from: string;

  @ApiProperty({
    example: '18:00',
    description: 'Local end, HH:mm, after `from` on the same day; 24:00 is the end of the day',
  })
  @Matches(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, { message: 'to must be HH:mm, 00:00-24:00' })
  to: string;
}

/** The grid's whole weekly roster; it replaces the previous one. An empty list clears it. */
export class SetDutyRosterDto implements DutyRosterToSet {
  @ApiProperty({ type: [ShiftDto], maxItems: MAX_SHIFTS_PER_ROSTER })
  @IsDefined({ message: 'shifts is required (an empty list clears the roster)' })
  @IsArray()
  @ArrayMaxSize(MAX_SHIFTS_PER_ROSTER)
  @ValidateNested({ each: true })
  @Type(() => ShiftDto)
  shifts: ShiftDto[];
}
