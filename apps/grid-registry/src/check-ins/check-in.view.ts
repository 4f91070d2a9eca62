import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CheckIn } from './check-in.entity';

export class MatterView {
  @ApiProperty({ type: String, nullable: true, example: '环境卫生' }) category: string | null;
  @ApiProperty({ example: '3号楼楼道堆放杂物' }) description: string;
}

export class ReporterView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) memberId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '刘鸣' }) name: string | null;
}

/** A check-in as the district sees it; the events carry none of the matters' text or the reporter. */
export class CheckInView {
  @ApiProperty({ format: 'uuid' }) checkInId: string;
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: '2025-06-30' }) date: string;
  @ApiProperty() nothingToReport: boolean;
  @ApiProperty({ type: [MatterView] }) matters: MatterView[];
  @ApiProperty({ type: ReporterView }) reportedBy: ReporterView;
  @ApiProperty() checkedInAt: string;
}

export function toCheckInView(checkIn: CheckIn): CheckInView {
  return {
    checkInId: checkIn.id,
    tenantId: checkIn.tenantId,
    gridId: checkIn.gridId,
    date: checkIn.date,
    nothingToReport: checkIn.nothingToReport,
    matters: checkIn.matters.map((m) => ({ category: m.category, description: m.description })),
    reportedBy: { memberId: checkIn.reportedByMemberId, name: checkIn.reportedByName },
    checkedInAt: checkIn.checkedInAt.toISOString(),
  };
}

/** One day of a grid's zero-report history: its check-in, or the record that it missed the cut-off. */
export class CheckInDayView {
  @ApiProperty({ example: '2025-06-30' }) date: string;
  @ApiProperty({ enum: ['checked-in', 'missed'] }) status: 'checked-in' | 'missed';
  @ApiPropertyOptional({ type: CheckInView, description: 'Present when status is checked-in.' }) checkIn?: CheckInView;
  @ApiPropertyOptional({ description: 'When the miss was recorded (status missed).' }) recordedAt?: string;
}
