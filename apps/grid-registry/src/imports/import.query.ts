import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** The query of every import route. */
export class ImportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'true: validate and report what would happen, store nothing.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      'true (or the header `Prefer: respond-async`): answer 202 at once with an import job (Location: …/imports/jobs/{jobId}) and import in the background; follow progress with GET on the job.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'async must be true or false' })
  async?: 'true' | 'false';
}
