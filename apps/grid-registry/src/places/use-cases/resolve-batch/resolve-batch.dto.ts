import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { ResolveLocationQuery } from '../resolve-location/resolve-location.query';
import type { ResolveBatchCommand } from './resolve-batch.command';

/** The most locations one batch may carry: enough to amortise a request, small enough to answer in milliseconds. */
export const MAX_BATCH_LOCATIONS = 1_000;

export class ResolveBatchDto implements ResolveBatchCommand {
  @ApiProperty({
    type: [ResolveLocationQuery],
    minItems: 1,
    maxItems: MAX_BATCH_LOCATIONS,
    example: [{ lon: 113.6203, lat: 34.7466 }, { address: '汝河路22号院' }],
    description: 'Each item is a point (lon and lat) or an address, as in GET /resolve.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'locations must hold at least one location' })
  @ArrayMaxSize(MAX_BATCH_LOCATIONS, { message: `locations may hold at most ${MAX_BATCH_LOCATIONS} locations` })
  @ValidateNested({ each: true })
  @Type(() => ResolveLocationQuery)
  locations: ResolveLocationQuery[];
}
