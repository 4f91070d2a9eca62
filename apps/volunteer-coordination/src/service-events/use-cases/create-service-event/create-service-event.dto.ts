import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@gridline/platform';
import { SKILL_MESSAGE, SKILL_PATTERN } from '../../../help-categories/help-category.dto';
import type {
  RecurrenceInput,
  ResidentSlotInput,
  ServiceEventToCreate,
  VolunteerShiftInput,
} from './create-service-event.command';

export const POOL_NAME = /^[a-z][a-z0-9-]{1,39}$/;

export class RecurrenceDto implements RecurrenceInput {
  @ApiProperty({ enum: ['monthly', 'weekly'] })
  @IsIn(['monthly', 'weekly'])
  frequency: 'monthly' | 'weekly';

  @ApiPropertyOptional({
    type: Number,
    isArray: true,
    example: [9, 19, 29],
    description: 'monthly: days of the month (1-31); a month without the day skips it.',
  })
  @ValidateIf((r: RecurrenceDto) => r.frequency === 'monthly')
  @IsArray()
  @ArrayMaxSize(31)
  @IsInt({ each: true })
  daysOfMonth?: number[];

  @ApiPropertyOptional({
    type: Number,
    isArray: true,
    example: [6],
    description: 'weekly: ISO weekdays, 1 = Monday … 7 = Sunday.',
  })
  @ValidateIf((r: RecurrenceDto) => r.frequency === 'weekly')
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  weekdays?: number[];
}

export class ResidentSlotDto implements ResidentSlotInput {
  @ApiProperty({
    example: 'clinic',
    description: 'What residents sign up for: clinic, haircut, knife-grinding, class …',
  })
  @Matches(POOL_NAME, { message: 'service must be 2-40 lowercase letters, digits or dashes' })
  service: string;

  @ApiProperty({ example: 40 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity: number;
}

export class VolunteerShiftDto implements VolunteerShiftInput {
  @ApiProperty({ example: 'first-aid' })
  @Matches(SKILL_PATTERN, { message: SKILL_MESSAGE })
  skill: string;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(1000)
  count: number;
}

export class CreateServiceEventDto implements ServiceEventToCreate {
  @ApiProperty({ example: '三九便民服务日 义诊' })
  @IsString()
  @Length(1, 100)
  title: string;

  @ApiProperty({ description: 'Where it happens: a grid of this district (the grid replica must know it).' })
  @IsString()
  @Length(1, 64)
  gridId: string;

  @ApiPropertyOptional({ example: '桃源社区党群服务中心', description: 'Place or address text shown to residents.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  placeText?: string;

  @ApiProperty({ type: RecurrenceDto })
  @IsDefined({ message: 'recurrence is required: { frequency, … }' })
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence: RecurrenceDto;

  @ApiPropertyOptional({
    example: '2025-12-01',
    description: 'First date the series may run on; default: today in its time zone.',
  })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'Last date it may run on; default: until further notice.',
  })
  @IsOptional()
  @IsCalendarDate()
  until?: string;

  @ApiProperty({ example: '08:30', description: 'Local start time (HH:mm) in timeZone.' })
  @IsString()
  startTime: string;

  @ApiProperty({ example: '11:30', description: 'Local end time, after the start on the same day.' })
  @IsString()
  endTime: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', default: 'Asia/Shanghai' })
  @IsOptional()
  @IsString()
  timeZone?: string;

  @ApiProperty({ type: ResidentSlotDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ResidentSlotDto)
  residentSlots: ResidentSlotDto[];

  @ApiProperty({ type: VolunteerShiftDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VolunteerShiftDto)
  volunteerShifts: VolunteerShiftDto[];

  @ApiPropertyOptional({
    type: Number,
    isArray: true,
    example: [1440, 120],
    description: 'Reminders this many minutes before each start; default SERVICE_EVENT_REMINDER_LEAD_MINUTES.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(43_200, { each: true })
  reminderLeadMinutes?: number[];

  @ApiPropertyOptional({
    example: 60,
    description: 'Days ahead to open occurrences for sign-up; default SERVICE_EVENT_HORIZON_DAYS.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  horizonDays?: number;
}
