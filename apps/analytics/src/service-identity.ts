import { ServiceIdentity } from '@gridline/platform';

export const analyticsIdentity: ServiceIdentity = {
  serviceName: 'analytics',
  databaseSchema: 'analytics',
  portVariable: 'ANALYTICS_PORT',
  defaultPort: 3004,
};
