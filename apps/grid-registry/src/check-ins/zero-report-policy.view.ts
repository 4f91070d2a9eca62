import { ApiProperty } from '@nestjs/swagger';
import { gridLevels } from '@gridline/contracts';
import { Cutoff } from './domain/cutoff';
import { ZeroReportPolicy } from './zero-report-policy.entity';

export class NextCutoffView {
  @ApiProperty({ example: '2025-06-30', description: 'The local date whose check-ins it closes.' }) date: string;
  @ApiProperty({ example: '2025-06-30T10:00:00.000Z' }) at: string;
}

export class ZeroReportPolicyView {
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ example: '18:00' }) cutoff: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ enum: gridLevels, isArray: true }) levels: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({
    type: NextCutoffView,
    nullable: true,
    description: 'The next cut-off that will run; null when disabled.',
  })
  nextCutoff: NextCutoffView | null;
  @ApiProperty() updatedAt: string;
}

export function toZeroReportPolicyView(policy: ZeroReportPolicy, next: Cutoff | null): ZeroReportPolicyView {
  return {
    tenantId: policy.tenantId,
    cutoff: policy.cutoff,
    timeZone: policy.timeZone,
    levels: [...policy.levels],
    enabled: policy.enabled,
    version: policy.version,
    nextCutoff: next ? { date: next.date, at: next.at.toISOString() } : null,
    updatedAt: policy.updatedAt.toISOString(),
  };
}
