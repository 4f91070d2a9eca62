import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** Why a requested window is refused: it ends before it starts, crosses local midnight, or is over already. */
type WindowProblem =
  | { readonly endsBeforeStart: { readonly startsAt: string; readonly endsAt: string } }
  | { readonly notOneLocalDay: true }
  | { readonly over: true };

/** Tasks, the offers made to volunteers, and direct help requests. */
export const MatchingErrors = errorCatalogue({
  TASK_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the task does not exist in the district',
    message: (tenantId: string, taskId: string) => `task ${taskId} does not exist in district ${tenantId}`,
  },
  OFFER_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the offer does not exist in the district (or, to a resident, was not made to them)',
    message: (tenantId: string, offerId: string) => `offer ${offerId} does not exist in district ${tenantId}`,
  },
  ILLEGAL_TRANSITION: {
    status: HttpStatus.CONFLICT,
    when: 'the offer is not at the step this follows (answered, lapsed, not accepted, not checked in or out)',
    message: (action: string, status: string) => `cannot ${action} an offer that is ${status}`,
  },
  INVALID_WINDOW: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the window ends before it starts, crosses local midnight or is over already',
    message: (problem: WindowProblem) => {
      if ('endsBeforeStart' in problem)
        return {
          message: `the window ends (${problem.endsBeforeStart.endsAt}) before it starts (${problem.endsBeforeStart.startsAt})`,
          details: [{ field: 'endsAt', reason: 'ends before it starts' }],
        };
      if ('notOneLocalDay' in problem)
        return {
          message: 'the window must fall on one local day (Asia/Shanghai): volunteers are available by the day',
          details: [{ field: 'endsAt', reason: 'after local midnight' }],
        };
      return { message: 'the window is over already', details: [{ field: 'endsAt', reason: 'in the past' }] };
    },
  },
});
