import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '../../../http/trim';
import type { GridRenaming } from './rename-grid.command';

export class RenameGridDto implements GridRenaming {
  @ApiPropertyOptional({
    example: '汝河路22号院',
    minLength: 1,
    maxLength: 60,
    description: 'The new name; unique among the active grids under the same parent.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 60)
  name?: string;
}
