import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** `?lon=&lat=` or `?address=`, not both. */
export class ResolveLocationQuery {
  @ApiPropertyOptional({
    example: 113.6203,
    minimum: -180,
    maximum: 180,
    description: 'WGS84 longitude; give with lat.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lon must be a number' })
  @Min(-180)
  @Max(180)
  lon?: number;

  @ApiPropertyOptional({ example: 34.7466, minimum: -90, maximum: 90, description: 'WGS84 latitude; give with lon.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lat must be a number' })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({
    example: '汝河路22号院',
    description: 'A registered address, in any spelling that normalises to it.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  address?: string;
}
