import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { EffectiveFromDto } from '../../effective-from.dto';

export class MoveGridDto extends EffectiveFromDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The new parent grid, in the same district; the level rules of creation apply.',
  })
  @IsUUID('all', { message: 'newParentId must be a UUID' })
  newParentId: string;
}
