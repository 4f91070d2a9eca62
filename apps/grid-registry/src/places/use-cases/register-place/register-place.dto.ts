import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { type PlaceKind, placeKinds } from '@gridline/contracts';
import { Trim } from '../../../http/trim';
import type { PlacePoint, PlaceToRegister } from './register-place.command';

export class PointDto implements PlacePoint {
  @ApiProperty({ example: 113.6203, minimum: -180, maximum: 180, description: 'WGS84 longitude in degrees.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lon must be a number' })
  @Min(-180)
  @Max(180)
  lon: number;

  @ApiProperty({ example: 34.7466, minimum: -90, maximum: 90, description: 'WGS84 latitude in degrees.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lat must be a number' })
  @Min(-90)
  @Max(90)
  lat: number;
}

export class RegisterPlaceDto implements PlaceToRegister {
  @ApiProperty({
    enum: placeKinds,
    example: 'courtyard',
    description: 'courtyard (院) > building (楼) > stairwell (单元); poi for anything else.',
  })
  @IsIn(placeKinds, { message: `kind must be one of ${placeKinds.join(', ')}` })
  kind: PlaceKind;

  @ApiProperty({ example: '汝河路22号院', minLength: 1, maxLength: 60 })
  @Trim()
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiProperty({
    example: '汝河路22号院',
    minLength: 1,
    maxLength: 120,
    description:
      'Stored normalised (full-width digits as ASCII, spaces collapsed, none next to Han characters); unique in the district.',
  })
  @IsString()
  @Length(1, 120)
  address: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The grid responsible for the place, usually its micro-grid; same district.',
  })
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The courtyard of a building, the building of a stairwell; same district.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentPlaceId must be a UUID' })
  parentPlaceId?: string;

  @ApiPropertyOptional({
    type: PointDto,
    description: "Where the place is; must lie within the grid's boundary when the grid has one.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointDto)
  point?: PointDto;
}
