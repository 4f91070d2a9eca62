import { ApiProperty } from '@nestjs/swagger';
import { memberRoles } from '@gridline/contracts';
import { GridMember } from './grid-member.entity';

/** A member as district and grid staff see them. Like the grid views, it never shows the phone, only whether there is one. */
export class MemberView {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ enum: memberRoles }) role: string;
  @ApiProperty({ type: String, nullable: true, example: '3号楼一单元' }) note: string | null;
  @ApiProperty({ description: 'Whether a phone is on file (the number itself stays in grid-registry).' })
  hasPhone: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() startedAt: string;
  @ApiProperty({ type: String, nullable: true }) endedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "When the ended membership's phone was erased (the district's retention period after it ended).",
  })
  phoneErasedAt: string | null;
  @ApiProperty({ example: 1 }) version: number;
}

export function toMemberView(member: GridMember): MemberView {
  return {
    memberId: member.id,
    tenantId: member.tenantId,
    gridId: member.gridId,
    name: member.name,
    role: member.role,
    note: member.note,
    hasPhone: member.phone !== null,
    active: member.endedAt === null,
    startedAt: member.createdAt.toISOString(),
    endedAt: member.endedAt?.toISOString() ?? null,
    phoneErasedAt: member.phoneErasedAt?.toISOString() ?? null,
    version: member.version,
  };
}
