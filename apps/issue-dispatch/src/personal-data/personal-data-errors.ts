import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** A reporter's contact's errors (an absent report is the issues' `ISSUE_NOT_FOUND`). */
export const PersonalDataErrors = errorCatalogue({
  FORBIDDEN_ROLE: {
    status: HttpStatus.FORBIDDEN,
    when: "the caller lacks the role this needs, or may not read this contact (only its reporter and the district's staff may)",
    message: (issueId: string) => `only the reporter and the district's staff may read the contact of issue ${issueId}`,
  },
});
