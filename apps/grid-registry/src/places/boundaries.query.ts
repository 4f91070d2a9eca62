import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class DistrictBoundariesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this grid and the active grids below it.' })
  @IsOptional()
  @IsUUID('all', { message: 'under must be a grid id (UUID)' })
  under?: string;
}
