import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ListMembersQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also list ended memberships (history).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeEnded must be true or false' })
  includeEnded?: boolean;
}
