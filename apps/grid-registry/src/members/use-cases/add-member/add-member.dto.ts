import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { type MemberRole, memberRoles } from '@gridline/contracts';
import { Trim } from '../../../http/trim';
import type { MemberToAdd } from './add-member.command';

export class AddMemberDto implements MemberToAdd {
  @ApiProperty({ example: '王芳', minLength: 1, maxLength: 60 })
  @Trim()
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({
    example: '13800000000',
    description: 'Private: kept in grid-registry and on the internal member-contacts topic only.',
  })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5-20 digits, spaces or dashes, optionally after a +' })
  phone?: string;

  @ApiProperty({
    enum: memberRoles,
    description: 'leader 网格长, worker 网格员, party-hub 党员中心户, property 物业, merchant 商户, volunteer',
  })
  @IsIn(memberRoles, { message: `role must be one of ${memberRoles.join(', ')}` })
  role: MemberRole;

  @ApiPropertyOptional({ example: '3号楼一单元', maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  note?: string;
}
