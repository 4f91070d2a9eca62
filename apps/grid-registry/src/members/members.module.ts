import { Module } from '@nestjs/common';
import { GridReaderModule } from '../grids/grid-reader.module';
import { DutyRoster } from './duty-roster.entity';
import { DutyRosterController } from './duty-roster.controller';
import { GridMember } from './grid-member.entity';
import { MembersController } from './members.controller';
import { MembersReader } from './members.reader';
import { AddMemberUseCase } from './use-cases/add-member/add-member.use-case';
import { EndMembershipUseCase } from './use-cases/end-membership/end-membership.use-case';
import { SetDutyRosterUseCase } from './use-cases/set-duty-roster/set-duty-roster.use-case';
import { MemberContactErasure } from './member-contact-erasure';
import { EraseExpiredPhoneUseCase } from './use-cases/erase-expired-phone/erase-expired-phone.use-case';

/** Entities of the members feature, for the service's DataSource. */
export const memberEntities = [GridMember, DutyRoster];

/**
 * People and roles per grid, and each grid's weekly duty roster; members' phones, read through a logged route and
 * erased the district's retention period after a membership ends.
 */
@Module({
  imports: [GridReaderModule],
  controllers: [MembersController, DutyRosterController],
  exports: [AddMemberUseCase, MemberContactErasure],
  providers: [
    MembersReader,
    AddMemberUseCase,
    EndMembershipUseCase,
    SetDutyRosterUseCase,
    MemberContactErasure,
    EraseExpiredPhoneUseCase,
  ],
})
export class MembersModule {}
