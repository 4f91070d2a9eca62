import { ApiProperty } from '@nestjs/swagger';
import { TenantParams } from '@gridline/platform';
import { IsUUID, Matches } from 'class-validator';

/** Path parameters of this service's routes; `TenantParams` is shared by every service. */
export { TenantParams };

export class TenantHelpCategoryParams extends TenantParams {
  @ApiProperty({
    example: 'elderly-care',
    description: "One of the district's issue categories (as issue-dispatch names them).",
  })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'category must be lowercase words joined by dashes' })
  category: string;
}

export class TenantVolunteerParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId: string;
}

export class TenantOfferParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'offerId must be a UUID' })
  offerId: string;
}

export class TenantTaskParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId: string;
}

export class TenantTeamParams extends TenantParams {
  @ApiProperty()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId: string;
}
