import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** A reporter's contact's errors (an absent report is the issues' `ISSUE_NOT_FOUND`). */
export const PersonalDataErrors = errorCatalogue({
  FORBIDDEN_ROLE: {
    status: HttpStatus.FORBIDDEN,
    when: "the caller lacks the role this needs (only the reporter and the district's staff read a contact; only the reporter erases it)",
    message: (issueId: string) => `only the reporter and the district's staff may read the contact of issue ${issueId}`,
  },
});
