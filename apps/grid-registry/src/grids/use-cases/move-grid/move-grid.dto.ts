import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { EffectiveFromDto } from '../../effective-from.dto';
import type { GridMove } from './move-grid.command';

export class MoveGridDto extends EffectiveFromDto implements GridMove {
  @ApiProperty({
    format: 'uuid',
    description: 'The new parent grid, in the same district; the level rules of creation apply.',
  })
  @IsUUID('all', { message: 'newParentId must be a UUID' })
  newParentId: string;
}
