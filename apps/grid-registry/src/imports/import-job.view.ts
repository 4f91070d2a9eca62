import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ImportJob, importJobStatuses, importKinds } from './import-job.entity';

export class ImportJobErrorView {
  @ApiProperty({ example: 422, description: 'The status the synchronous request would have answered.' })
  statusCode: number;
  @ApiProperty({ example: 'IMPORT_INVALID' }) code: string;
  @ApiProperty() message: string;
}

/** An import running (or run) in the background, as `GET …/imports/jobs/{jobId}` shows it. */
export class ImportJobView {
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ enum: importKinds }) kind: string;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({
    enum: importJobStatuses,
    description:
      'validating (the whole file is checked) → applying (one transaction: nothing is visible until it commits) → succeeded | failed.',
  })
  status: string;
  @ApiProperty({
    example: 1200,
    description: 'Rows (GeoJSON: features) applied so far; equals total once succeeded. 0 while validating.',
  })
  processed: number;
  @ApiProperty({ example: 5000, description: 'Rows (GeoJSON: features) in the file; known once validation starts.' })
  total: number;
  @ApiPropertyOptional({
    description: 'Once succeeded: exactly what the synchronous request answers (counts and one entry per row).',
  })
  result?: unknown;
  @ApiPropertyOptional({
    description:
      'Once failed because of the file: every problem as {line, field, reason} (at most 1,000), as IMPORT_INVALID details.',
  })
  problems?: unknown[];
  @ApiPropertyOptional({
    type: ImportJobErrorView,
    description:
      'Once failed: why (IMPORT_INVALID, CONCURRENT_CHANGE, IMPORT_INTERRUPTED when the service stopped, …).',
  })
  error?: ImportJobErrorView;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export function toImportJobView(job: ImportJob): ImportJobView {
  return {
    jobId: job.id,
    kind: job.kind,
    dryRun: job.dryRun,
    status: job.status,
    processed: job.processed,
    total: job.total,
    ...(job.status === 'succeeded' ? { result: job.result } : {}),
    ...(job.error
      ? {
          problems: [...job.error.details],
          error: { statusCode: job.error.statusCode, code: job.error.code, message: job.error.message },
        }
      : {}),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
