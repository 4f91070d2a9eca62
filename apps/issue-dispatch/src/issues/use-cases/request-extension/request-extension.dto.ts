import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from '@gridline/platform';
import { ReasonedCaseActionDto } from '../../case-action.dto';
import type { RequestExtension } from './request-extension.command';

export class RequestExtensionDto extends ReasonedCaseActionDto implements RequestExtension {
  @ApiProperty({
    example: '2026-12-05T18:00:00+08:00',
    description: 'The resolve deadline asked for: later than the current one.',
  })
  @IsInstant({ message: 'requestedDeadline must be an ISO 8601 date-time' })
  requestedDeadline: string;
}
