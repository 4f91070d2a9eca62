import 'reflect-metadata';
import { connectEventServers } from '@gridline/messaging';
import { bootstrapService, loadServiceConfig, runService } from '@gridline/platform';
import { loadPersonalDataConfig } from '@gridline/personal-data';
import { loadIntakeConfig } from './intake/intake-config';
import { open311ErrorFormat } from './intake/open311/open311-error.filter';
import { IssueDispatchModule } from './issue-dispatch.module';
import { issueDispatchIdentity } from './service-identity';

runService(async () => {
  const config = loadServiceConfig(issueDispatchIdentity);
  await bootstrapService(
    IssueDispatchModule.with(config, loadIntakeConfig(), loadPersonalDataConfig(config.serviceName)),
    config,
    {
      title: 'Gridline issue-dispatch',
      description:
        'Intake of reported problems (REST and Open311 GeoReport v2 under /open311/v2), dispatch to the responsible grid, acknowledgement deadlines and escalation.',
      errorFormats: [open311ErrorFormat],
      connectMicroservices: connectEventServers,
    },
  );
});
