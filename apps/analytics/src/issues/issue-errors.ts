import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

export const IssueAnalyticsErrors = errorCatalogue({
  ISSUE_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'analytics has seen no event of the issue in the district (unknown, another district, or not projected yet)',
    message: (tenantId: string, issueId: string) => `analytics has seen no issue ${issueId} in district ${tenantId}`,
  },
});
