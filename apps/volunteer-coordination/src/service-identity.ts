import { ServiceIdentity } from '@gridline/platform';

export const volunteerCoordinationIdentity: ServiceIdentity = {
  serviceName: 'volunteer-coordination',
  databaseSchema: 'volunteer_coordination',
  portVariable: 'VOLUNTEER_COORDINATION_PORT',
  defaultPort: 3003,
};
