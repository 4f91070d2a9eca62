import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

export class CompleteTaskDto {
  @ApiPropertyOptional({
    example: 1.5,
    description:
      'Hours the grid confirms (0.25-24, whole minutes). Default: check-in to check-out, to the nearest quarter hour.',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(24)
  hours?: number;
}
