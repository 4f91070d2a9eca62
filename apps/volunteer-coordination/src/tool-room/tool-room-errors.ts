import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** A community's tool room: its tools and their loans. */
export const ToolRoomErrors = errorCatalogue({
  TOOL_ROOM_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the grid of the tool room is not in the district',
    message: (tenantId: string, gridId: string) => `grid ${gridId} is not in district ${tenantId}`,
  },
  TOOL_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the tool is not in this tool room',
    message: (gridId: string, toolId: string) => `tool ${toolId} is not in the tool room of ${gridId}`,
  },
  LOAN_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: "the loan is not a loan of this tool room (or, to anyone but its borrower and the room's keepers, looks absent)",
    message: (gridId: string, loanId: string) => `loan ${loanId} is not a loan of the tool room of ${gridId}`,
  },
  NOT_A_COMMUNITY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid is not a community: tool rooms belong to communities',
    message: (gridId: string, level: string) => ({
      message: `grid ${gridId} is a ${level}; tool rooms belong to communities`,
      details: [{ field: 'gridId', reason: 'not a community' }],
    }),
  },
  INVALID_DUE_DATE: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: '`dueAt` is not in the future or more than 30 days ahead',
    message: (problem: string) => ({ message: `dueAt ${problem}`, details: [{ field: 'dueAt', reason: problem }] }),
  },
  TOOL_ALREADY_LENT: {
    status: HttpStatus.CONFLICT,
    when: 'the tool is out on loan',
    message: (toolId: string, reason: string) => `tool ${toolId} cannot be lent: ${reason}`,
  },
  TOOL_BROKEN: {
    status: HttpStatus.CONFLICT,
    when: 'the tool is broken and is not lent until it is repaired',
    message: (toolId: string, reason: string) => `tool ${toolId} cannot be lent: ${reason}`,
  },
  ALREADY_RETURNED: {
    status: HttpStatus.CONFLICT,
    when: 'the loan was returned already',
    message: (loanId: string, returnedAt: Date) => `loan ${loanId} was returned at ${returnedAt.toISOString()}`,
  },
});
