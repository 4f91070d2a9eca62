import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim } from '../http/trim';
import type { NewGridLeader } from './grid-leader.command';

/** A grid leader (网格长 / 微网格长) as a client gives it: used when creating a grid and when replacing its leader. */
export class GridLeaderDto implements NewGridLeader {
  @ApiProperty({ example: '刘鸣', minLength: 1, maxLength: 60 })
  @Trim()
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({
    example: '13800000000',
    description: 'Private: kept in grid-registry only, never in events or grid views.',
  })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5-20 digits, spaces or dashes, optionally after a +' })
  phone?: string;
}
