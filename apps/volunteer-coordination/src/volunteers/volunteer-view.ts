import { ApiProperty } from '@nestjs/swagger';
import { Volunteer } from './volunteer.entity';

export class SkillClaimView {
  @ApiProperty() skill: string;
  @ApiProperty({ description: '1 basic, 2 skilled, 3 expert' }) level: number;
  @ApiProperty({ nullable: true, type: String }) certificateId: string | null;
  @ApiProperty({ nullable: true, type: String }) certificateExpiresOn: string | null;
}

/** What the API shows of a volunteer: no phone number (see GET …/contact). */
export class VolunteerView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() homeGridId: string;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ type: String, isArray: true }) skills: string[];
  @ApiProperty({ type: SkillClaimView, isArray: true }) skillClaims: SkillClaimView[];
  @ApiProperty({
    description:
      '{ weekly: [{ weekday, from, to }], exceptions: [{ kind, fromDate, toDate, from?, to? }] }, Asia/Shanghai',
  })
  availability: object;
  @ApiProperty() weeklyTaskCap: number;
  @ApiProperty() consentToContact: boolean;
  @ApiProperty() offerCount: number;
  @ApiProperty() registeredAt: string;
}

export class VolunteerPage {
  @ApiProperty({ type: VolunteerView, isArray: true }) items: VolunteerView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `after` to read the next page; null on the last page.',
  })
  next: string | null;
}

export class VolunteerContactView {
  @ApiProperty() volunteerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export function toVolunteerView(volunteer: Volunteer): VolunteerView {
  return {
    id: volunteer.id,
    tenantId: volunteer.tenantId,
    name: volunteer.name,
    kind: volunteer.kind,
    homeGridId: volunteer.homeGridId,
    teamId: volunteer.teamId,
    skills: volunteer.skills,
    skillClaims: volunteer.skillClaims,
    availability: volunteer.availability,
    weeklyTaskCap: volunteer.weeklyTaskCap,
    consentToContact: volunteer.consentToContact,
    offerCount: volunteer.offerCount,
    registeredAt: volunteer.registeredAt.toISOString(),
  };
}
