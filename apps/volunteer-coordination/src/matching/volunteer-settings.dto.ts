import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { VolunteerSettingsInput } from './use-cases/put-volunteer-settings/put-volunteer-settings.command';
import { DEFAULT_OFFER_EXPIRY_SECONDS } from './volunteer-settings.entity';

export class VolunteerSettingsDto implements VolunteerSettingsInput {
  @ApiProperty({
    example: 900,
    minimum: 2,
    maximum: 86_400,
    description: 'How long a volunteer has to answer an offer.',
  })
  @IsInt()
  @Min(2)
  @Max(86_400)
  offerExpirySeconds: number;
}

export class VolunteerSettingsView {
  @ApiProperty() tenantId: string;
  @ApiProperty({ description: `Default ${DEFAULT_OFFER_EXPIRY_SECONDS} (15 minutes).` }) offerExpirySeconds: number;
}
