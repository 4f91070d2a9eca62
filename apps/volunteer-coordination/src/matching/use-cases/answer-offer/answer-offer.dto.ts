import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class DeclineOfferDto {
  @ApiPropertyOptional({ example: '周六要考试', description: 'Kept in this service; not published.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
