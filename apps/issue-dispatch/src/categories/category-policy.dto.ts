import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

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

export class PutCategoryPolicyDto {
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
}
