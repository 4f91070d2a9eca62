import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { CaseClocks } from './case-clocks';
import { IssueAccess } from './issue-access';

/**
 * What any change to one case takes first: whether the caller may see it (IssueAccess) and its timers locked
 * before the case, with its deadlines kept (CaseClocks). A module of its own because two features need it —
 * issues, and the reporter's contact (a resident erasing their own contact) — while issues in turn needs the
 * reporter-contact module; with these two here, neither imports the other back.
 */
@Module({
  imports: [GridReplicaModule],
  providers: [IssueAccess, CaseClocks],
  exports: [IssueAccess, CaseClocks],
})
export class CaseAccessModule {}
