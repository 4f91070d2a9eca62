import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { volunteerKinds } from '@gridline/contracts';
import { IsCalendarDate } from '@gridline/platform';
import { SKILL_MESSAGE, SKILL_PATTERN } from '../../../help-categories/help-category.dto';
import type { AvailabilityInput } from '../../availability.command';
import type { AvailabilityException, WeeklyWindow } from '../../domain/availability';
import { skillLevelOf } from '../../domain/skill-catalogue';
import type { SkillClaimInput, VolunteerRegistration } from './register-volunteer.command';

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;

export class SkillClaimDto implements SkillClaimInput {
  @ApiProperty({ example: 'first-aid', description: 'A skill of the catalogue (GET /v1/skills).' })
  @Matches(SKILL_PATTERN, { message: SKILL_MESSAGE })
  skill: string;

  @ApiPropertyOptional({ example: 2, description: '1-3, or basic / skilled / expert. Default 1.' })
  @IsOptional()
  @Transform(({ value }) => skillLevelOf(value) ?? value)
  @IsInt({ message: 'level must be 1-3 or basic, skilled, expert' })
  @Min(1, { message: 'level must be 1-3 or basic, skilled, expert' })
  @Max(3, { message: 'level must be 1-3 or basic, skilled, expert' })
  level?: number;

  @ApiPropertyOptional({ example: 'RC-2025-0042' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  certificateId?: string;

  @ApiPropertyOptional({
    example: '2027-06-30',
    description: 'Last valid day of the certificate; an expired one does not count.',
  })
  @IsOptional()
  @IsCalendarDate()
  certificateExpiresOn?: string;
}

export class WeeklyWindowDto implements WeeklyWindow {
  @ApiProperty({ example: 6, description: '1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '09:00', description: 'Local time (Asia/Shanghai)' })
  @Matches(TIME, { message: 'from must be a local time HH:mm' })
  from: string;

  @ApiProperty({ example: '12:00', description: 'Local time, after `from`; 24:00 ends the day' })
  @Matches(TIME, { message: 'to must be a local time HH:mm' })
  to: string;
}

export class AvailabilityExceptionDto implements AvailabilityException {
  @ApiProperty({ enum: ['unavailable', 'available'] })
  @IsIn(['unavailable', 'available'])
  kind: 'unavailable' | 'available';

  @ApiProperty({ example: '2026-07-01' })
  @IsCalendarDate()
  fromDate: string;

  @ApiProperty({ example: '2026-07-14' })
  @IsCalendarDate()
  toDate: string;

  @ApiPropertyOptional({ example: '14:00', description: 'For `available`: extra hours from …' })
  @IsOptional()
  @Matches(TIME, { message: 'from must be a local time HH:mm' })
  from?: string;

  @ApiPropertyOptional({ example: '17:00', description: '… to' })
  @IsOptional()
  @Matches(TIME, { message: 'to must be a local time HH:mm' })
  to?: string;
}

export class AvailabilityDto implements AvailabilityInput {
  @ApiProperty({ type: WeeklyWindowDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  weekly: WeeklyWindowDto[];

  @ApiPropertyOptional({ type: AvailabilityExceptionDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityExceptionDto)
  exceptions?: AvailabilityExceptionDto[];
}

/** A skill may be given as its name alone (level 1, no certificate) or in full. */
function toSkillClaims({ value }: { value: unknown }): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) =>
    plainToInstance(SkillClaimDto, typeof item === 'string' ? { skill: item } : item),
  );
}

export class RegisterVolunteerDto implements VolunteerRegistration {
  @ApiProperty({ example: '李志愿' })
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({
    example: '13800000000',
    description: 'Private: never published in events or returned by the API; shown to staff only with consent.',
  })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5-20 digits' })
  phone?: string;

  @ApiPropertyOptional({ enum: volunteerKinds, default: 'resident' })
  @IsOptional()
  @IsIn(volunteerKinds)
  kind?: (typeof volunteerKinds)[number];

  @ApiProperty({ description: 'The grid (any level) the volunteer lives in; must be a grid of this district.' })
  @IsString()
  @Length(1, 64)
  homeGridId: string;

  @ApiProperty({
    description:
      'Skills of the catalogue, as names (level 1) or `{ skill, level, certificateId?, certificateExpiresOn? }`.',
    example: [
      'tutoring',
      { skill: 'first-aid', level: 'skilled', certificateId: 'RC-1', certificateExpiresOn: '2027-06-30' },
    ],
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/SkillClaimDto' }] },
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Transform(toSkillClaims)
  @ValidateNested({ each: true })
  skills: SkillClaimDto[];

  @ApiPropertyOptional({
    type: AvailabilityDto,
    description: 'Weekly windows and one-off exceptions, local time. Omitted: available whenever not marked away.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AvailabilityDto)
  availability?: AvailabilityDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 3, description: 'At most this many tasks a week.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  weeklyTaskCap?: number;

  @ApiPropertyOptional({ default: false, description: 'The volunteer agrees to be phoned by district and grid staff.' })
  @IsOptional()
  @IsBoolean()
  consentToContact?: boolean;

  @ApiPropertyOptional({ description: 'A team of this district (GET /teams).' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({
    description: "The `sub` of the volunteer's own (resident) account, so they can answer offers themselves.",
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  accountSubject?: string;
}
