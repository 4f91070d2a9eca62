import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim } from '../../../http/trim';
import type { TenantToCreate } from './create-tenant.command';

export class CreateTenantDto implements TenantToCreate {
  @ApiProperty({
    example: 'erqi',
    description: 'Slug: 2-40 lowercase letters, digits or dashes, starting with a letter or digit.',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'tenantId must be 2-40 lowercase letters, digits or dashes' })
  tenantId: string;

  @ApiProperty({ example: '410103', description: 'The 6-digit administrative division code (二七区 = 410103).' })
  @Matches(/^\d{6}$/, { message: 'divisionCode must be 6 digits' })
  divisionCode: string;

  @ApiProperty({ example: '二七区', minLength: 1, maxLength: 60 })
  @Trim()
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ example: 'Erqi District', minLength: 1, maxLength: 60 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 60)
  nameEn?: string;
}
