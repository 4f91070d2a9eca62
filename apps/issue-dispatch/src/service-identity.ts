import { ServiceIdentity } from '@gridline/platform';

export const issueDispatchIdentity: ServiceIdentity = {
  serviceName: 'issue-dispatch',
  databaseSchema: 'issue_dispatch',
  portVariable: 'ISSUE_DISPATCH_PORT',
  defaultPort: 3002,
};
