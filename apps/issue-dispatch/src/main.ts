import 'reflect-metadata';
import { bootstrapService, loadServiceConfig, runService } from '@gridline/platform';
import { IssueDispatchModule } from './issue-dispatch.module';
import { issueDispatchIdentity } from './service-identity';

runService(async () => {
  const config = loadServiceConfig(issueDispatchIdentity);
  await bootstrapService(IssueDispatchModule.with(config), config, {
    title: 'Gridline issue-dispatch',
    description: 'Intake of reported problems, dispatch to the responsible grid, acknowledgement deadlines and escalation.',
  });
});
