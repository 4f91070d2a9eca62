import 'reflect-metadata';
import { bootstrapService, loadServiceConfig, runService } from '@gridline/platform';
import { volunteerCoordinationIdentity } from './service-identity';
import { VolunteerCoordinationModule } from './volunteer-coordination.module';

runService(async () => {
  const config = loadServiceConfig(volunteerCoordinationIdentity);
  await bootstrapService(VolunteerCoordinationModule.with(config), config, {
    title: 'Gridline volunteer-coordination',
    description: 'Volunteers, their skills and home grids, and task offers for dispatched issues that need help.',
  });
});
