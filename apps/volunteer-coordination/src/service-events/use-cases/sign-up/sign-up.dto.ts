import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { POOL_NAME } from '../create-service-event/create-service-event.dto';
import type { SignUpRequest } from './sign-up.command';

export class SignUpDto implements SignUpRequest {
  @ApiProperty({
    enum: ['resident', 'volunteer'],
    description: 'resident: the caller takes a slot; volunteer: staff put a registered volunteer on a shift.',
  })
  @IsIn(['resident', 'volunteer'])
  role: 'resident' | 'volunteer';

  @ApiPropertyOptional({
    example: 'clinic',
    description:
      "The slot's service or the shift's skill; may be left out when the occurrence has only one for the role.",
  })
  @IsOptional()
  @Matches(POOL_NAME, { message: 'pool must be 2-40 lowercase letters, digits or dashes' })
  pool?: string;

  @ApiPropertyOptional({ description: 'role volunteer: the registered volunteer taking the shift.' })
  @ValidateIf((body: SignUpDto) => body.role === 'volunteer' || body.volunteerId !== undefined)
  @IsUUID('all', { message: 'volunteerId must be the UUID of a registered volunteer' })
  volunteerId?: string;
}
