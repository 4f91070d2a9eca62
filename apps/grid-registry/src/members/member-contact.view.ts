import { ApiProperty } from '@nestjs/swagger';
import { GridMember } from './grid-member.entity';

/** How to reach a member: the phone, for staff who may act on the member's grid; null when none or once erased. */
export class MemberContactView {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '13800000000' }) phone: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true }) endedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When the phone was erased: the district retention period after the membership ended.',
  })
  phoneErasedAt: string | null;
}

export function toMemberContactView(member: GridMember): MemberContactView {
  return {
    memberId: member.id,
    gridId: member.gridId,
    name: member.name,
    phone: member.phone,
    active: member.endedAt === null,
    endedAt: member.endedAt?.toISOString() ?? null,
    phoneErasedAt: member.phoneErasedAt?.toISOString() ?? null,
  };
}
