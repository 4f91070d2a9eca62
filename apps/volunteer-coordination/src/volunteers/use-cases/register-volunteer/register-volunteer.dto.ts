import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SKILL_MESSAGE, SKILL_PATTERN } from '../../../help-categories/help-category.dto';

export class RegisterVolunteerDto {
  @ApiProperty({ example: '李志愿' })
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ example: '13800000000', description: 'Private: never published in events or returned by the API.' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5-20 digits' })
  phone?: string;

  @ApiProperty({ description: 'The grid (any level) the volunteer lives in; must be a grid of this district.' })
  @IsString()
  @Length(1, 64)
  homeGridId: string;

  @ApiProperty({ type: String, isArray: true, example: ['first-aid', 'elderly-care'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'skills must not repeat' })
  @Matches(SKILL_PATTERN, { each: true, message: SKILL_MESSAGE })
  skills: string[];
}
