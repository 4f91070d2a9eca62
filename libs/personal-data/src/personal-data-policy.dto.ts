import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_RETENTION_DAYS, MAX_RETENTION_SECONDS } from './domain/contact-retention';

/** Exactly one of the two: days for a policy, seconds for an exact period (and tests that cannot wait a day). */
export class SetPersonalDataPolicyDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_RETENTION_DAYS,
    example: 180,
    description:
      'Days a contact is kept after its case closes (or is rejected) or its membership ends; 0 = erase at once.',
  })
  @IsOptional()
  @IsInt({ message: 'contactRetentionDays must be a whole number' })
  @Min(0)
  @Max(MAX_RETENTION_DAYS)
  contactRetentionDays?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_RETENTION_SECONDS,
    description: 'The same period in seconds, instead of days.',
  })
  @IsOptional()
  @IsInt({ message: 'contactRetentionSeconds must be a whole number' })
  @Min(0)
  @Max(MAX_RETENTION_SECONDS)
  contactRetentionSeconds?: number;
}

export class PersonalDataPolicyView {
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ example: 15_552_000 }) contactRetentionSeconds: number;
  @ApiProperty({ example: 180, description: 'The same period in days (a fraction when it was set in seconds).' })
  contactRetentionDays: number;
  @ApiProperty({
    enum: ['district', 'default'],
    description: '`default`: the district set none; CONTACT_RETENTION_DAYS applies.',
  })
  source: 'district' | 'default';
  @ApiProperty({ nullable: true, type: String }) updatedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}
