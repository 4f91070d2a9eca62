import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, FieldProblem } from '@gridline/platform';

/** A roster rule's refusal: its reason is the message, and the shift field it is about the one detail. */
const rosterRefusal = ({ field, reason }: FieldProblem) => ({ message: reason, details: [{ field, reason }] });

/** Members of a grid and its weekly duty roster. */
export const MemberErrors = errorCatalogue({
  MEMBER_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the member is not a member of the grid (also a member of another grid or district)',
    message: (tenantId: string, gridId: string, memberId: string) =>
      `member ${memberId} is not a member of grid ${gridId} in district ${tenantId}`,
  },
  LEADER_EXISTS: {
    status: HttpStatus.CONFLICT,
    when: 'the grid already has an active leader (replace the leader with PUT …/leader)',
    message: (grid: string | { readonly id: string; readonly name: string; readonly code: string }) =>
      typeof grid === 'string'
        ? `grid ${grid} already has a leader; replace them with PUT …/grids/${grid}/leader`
        : `grid ${grid.name} (${grid.code}) already has a leader; replace them with PUT …/grids/${grid.id}/leader`,
  },
  LEADER_MUST_BE_REPLACED: {
    status: HttpStatus.CONFLICT,
    when: "the member is the grid's leader: a leader is replaced with PUT …/leader, not removed",
    message: (leader: string, gridId: string) =>
      `${leader} leads grid ${gridId}; a leader is replaced with PUT …/grids/${gridId}/leader, not removed`,
  },
  SHIFT_ENDS_BEFORE_START: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a shift ends before it starts on its day (split a night shift at 24:00)',
    message: rosterRefusal,
  },
  NOT_A_MEMBER_OF_GRID: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a shift names someone who is not an active member of the grid',
    message: rosterRefusal,
  },
  SHIFTS_OVERLAP: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "two of one member's shifts on a weekday overlap",
    message: rosterRefusal,
  },
});
