import { ApiProperty } from '@nestjs/swagger';
import { memberRoles } from '@gridline/contracts';
import { DutyRoster } from './duty-roster.entity';

export class ShiftView {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' }) weekday: number;
  @ApiProperty({ example: '08:00' }) from: string;
  @ApiProperty({ example: '18:00' }) to: string;
}

export class DutyRosterView {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ type: [ShiftView] }) shifts: ShiftView[];
  @ApiProperty({ example: 1, description: '0 while the grid has no roster yet' }) version: number;
  @ApiProperty({ type: String, nullable: true }) updatedAt: string | null;
}

export class OnDutyMemberView extends ShiftView {
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ enum: memberRoles }) role: string;
}

export class OnDutyView {
  @ApiProperty({ example: '2025-06-30T02:00:00.000Z' }) at: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ minimum: 1, maximum: 7 }) weekday: number;
  @ApiProperty({ example: '10:00', description: 'Local wall-clock time of `at`' }) localTime: string;
  @ApiProperty({ type: [OnDutyMemberView] }) onDuty: OnDutyMemberView[];
}

/** `timeZone`: the district's zone now, which the shifts are read in (the published roster names the zone at its last change). */
export function toDutyRosterView(gridId: string, roster: DutyRoster | null, timeZone: string): DutyRosterView {
  return {
    gridId,
    timeZone,
    shifts: (roster?.shifts ?? []).map(({ memberId, weekday, from, to }) => ({ memberId, weekday, from, to })),
    version: roster?.version ?? 0,
    updatedAt: roster?.updatedAt.toISOString() ?? null,
  };
}
