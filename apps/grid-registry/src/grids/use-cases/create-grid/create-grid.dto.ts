import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { dedicatedKinds, type GridLevel, gridLevels } from '@gridline/contracts';
import { Trim } from '../../../http/trim';
import type { DedicatedKind } from '../../domain/dedicated-kind';
import { GridLeaderDto } from '../../grid-leader.dto';
import type { GridToCreate } from './create-grid.command';

export class CreateGridDto implements GridToCreate {
  @ApiProperty({
    enum: gridLevels,
    example: 'micro',
    description: 'street (街道) > community (社区) > grid (三级网格) > micro (微网格).',
  })
  @IsIn(gridLevels, { message: `level must be one of ${gridLevels.join(', ')}` })
  level: GridLevel;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The parent grid (same district). Absent or null only for a street.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;

  @ApiProperty({
    example: '汝河路22号院',
    minLength: 1,
    maxLength: 60,
    description: 'Unique among the grids under the same parent.',
  })
  @Trim()
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ enum: dedicatedKinds, description: 'Set for a dedicated grid (专属网格).' })
  @IsOptional()
  @IsIn(dedicatedKinds, { message: `dedicated must be one of ${dedicatedKinds.join(', ')}` })
  dedicated?: DedicatedKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['汝河路22号院', '47号院'],
    maxItems: 50,
    description: 'Courtyards and buildings this grid holds (1-120 characters each). One grid per address per level.',
  })
  @IsOptional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'addresses must not repeat an address' })
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  addresses?: string[];

  @ApiPropertyOptional({ type: GridLeaderDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GridLeaderDto)
  leader?: GridLeaderDto;
}
