import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import {
  MAX_OPEN311_ATTRIBUTES,
  OPEN311_ATTRIBUTE_CODE,
  Open311AttributeValue,
} from '../intake/domain/open311-attributes';
import {
  CategoryPolicyInput,
  Open311AttributeInput,
} from './use-cases/put-category-policy/put-category-policy.command';

const MAX_WINDOW_SECONDS = 30 * 24 * 60 * 60;

/** Seconds per holder level; a level left out uses the default. */
export class AckWindowsDto {
  @ApiPropertyOptional({ example: 1800 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_WINDOW_SECONDS) micro?: number;
  @ApiPropertyOptional({ example: 3600 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_WINDOW_SECONDS) grid?: number;
  @ApiPropertyOptional({ example: 7200 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_WINDOW_SECONDS) community?: number;
  @ApiPropertyOptional({ example: 14400 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_WINDOW_SECONDS) street?: number;
  @ApiPropertyOptional({ example: 28800 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_WINDOW_SECONDS) district?: number;
  @ApiPropertyOptional({ example: 86400 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_WINDOW_SECONDS) city?: number;
}

export class Open311AttributeValueDto implements Open311AttributeValue {
  @ApiProperty({ example: 'yes' }) @IsString() @Length(1, 50) key: string;
  @ApiProperty({ example: 'Yes 是' }) @IsString() @Length(1, 200) name: string;
}

/** One question an Open311 app asks before it posts a request of this category (GeoReport v2 attribute). */
export class Open311AttributeDto implements Open311AttributeInput {
  @ApiProperty({
    example: 'POLE_NUMBER',
    pattern: OPEN311_ATTRIBUTE_CODE.source,
    description: 'Answered as attribute[CODE]=value.',
  })
  @Matches(OPEN311_ATTRIBUTE_CODE, { message: 'code must be a letter then letters, digits or _ (at most 32)' })
  code: string;

  @ApiProperty({ enum: ['string', 'singlevaluelist'] })
  @IsIn(['string', 'singlevaluelist'], { message: 'datatype must be string or singlevaluelist' })
  datatype: 'string' | 'singlevaluelist';

  @ApiProperty() @IsBoolean() required: boolean;

  @ApiProperty({ example: 'The number painted on the lamp post 灯杆编号' })
  @IsString()
  @Length(1, 500)
  description: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'up to 20 characters' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Length(1, 200)
  datatypeDescription?: string | null;

  @ApiProperty({ example: 1, description: 'Position among the questions, from 1.' })
  @IsInt()
  @Min(1)
  @Max(MAX_OPEN311_ATTRIBUTES)
  order: number;

  @ApiPropertyOptional({
    type: [Open311AttributeValueDto],
    description: 'The choices of a singlevaluelist; none for a string.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => Open311AttributeValueDto)
  values?: Open311AttributeValueDto[];

  @ApiPropertyOptional({ example: 20, description: 'Longest accepted answer of a string attribute.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  maxLength?: number;
}

export class PutCategoryPolicyDto implements CategoryPolicyInput {
  @ApiProperty({ example: '占道经营 street vending' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({
    type: AckWindowsDto,
    description: 'Seconds to acknowledge, per holder level; unnamed levels use defaults.',
  })
  @IsDefined({ message: 'ackWithinSeconds is required: seconds to acknowledge per level, e.g. { micro: 1800 }' })
  @ValidateNested()
  @Type(() => AckWindowsDto)
  ackWithinSeconds: AckWindowsDto;

  @ApiPropertyOptional({
    type: AckWindowsDto,
    description:
      'Seconds to resolve once acknowledged (or taken over by escalation), per holder level; unnamed levels use defaults (1 day at a micro-grid … 10 days at the city centre).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AckWindowsDto)
  resolveWithinSeconds?: AckWindowsDto;

  @ApiPropertyOptional({
    type: [Open311AttributeDto],
    nullable: true,
    description:
      'The questions Open311 apps ask before posting a request of this category (GET …/services/{code}.json). Left out or null: the common questions (danger, landmark); [] asks none.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_OPEN311_ATTRIBUTES)
  @ValidateNested({ each: true })
  @Type(() => Open311AttributeDto)
  open311Attributes?: Open311AttributeDto[] | null;
}
