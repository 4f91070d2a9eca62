import { ServiceIdentity } from '@gridline/platform';

export const gridRegistryIdentity: ServiceIdentity = {
  serviceName: 'grid-registry',
  databaseSchema: 'grid_registry',
  portVariable: 'GRID_REGISTRY_PORT',
  defaultPort: 3001,
};
