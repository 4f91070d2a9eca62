import 'reflect-metadata';
import { connectEventServers } from '@gridline/messaging';
import { bootstrapService, loadServiceConfig, runService } from '@gridline/platform';
import { loadHelpPolicyCacheMs } from './help-categories/help-policy-config';
import { loadServiceEventsConfig } from './service-events/service-events.config';
import { volunteerCoordinationIdentity } from './service-identity';
import { VolunteerCoordinationModule } from './volunteer-coordination.module';

runService(async () => {
  const config = loadServiceConfig(volunteerCoordinationIdentity);
  await bootstrapService(
    VolunteerCoordinationModule.with(config, loadServiceEventsConfig(), loadHelpPolicyCacheMs()),
    config,
    {
      title: 'Gridline volunteer-coordination',
      description:
        'Volunteers, their skills and home grids, task offers for dispatched issues that need help, recurring service events with sign-up, and the shared tool room.',
      connectMicroservices: connectEventServers,
    },
  );
});
