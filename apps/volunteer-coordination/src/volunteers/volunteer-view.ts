import { ApiProperty } from '@nestjs/swagger';
import { Volunteer } from './volunteer.entity';

/** What the API shows of a volunteer: no phone number. */
export class VolunteerView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiProperty() homeGridId: string;
  @ApiProperty({ type: String, isArray: true }) skills: string[];
  @ApiProperty() offerCount: number;
  @ApiProperty() registeredAt: string;
}

export class VolunteerPage {
  @ApiProperty({ type: VolunteerView, isArray: true }) items: VolunteerView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` to read the next page; null on the last page.' })
  next: string | null;
}

export function toVolunteerView(volunteer: Volunteer): VolunteerView {
  return {
    id: volunteer.id,
    tenantId: volunteer.tenantId,
    name: volunteer.name,
    homeGridId: volunteer.homeGridId,
    skills: volunteer.skills,
    offerCount: volunteer.offerCount,
    registeredAt: volunteer.registeredAt.toISOString(),
  };
}
