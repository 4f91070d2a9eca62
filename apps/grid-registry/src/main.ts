import 'reflect-metadata';
import { bootstrapService, loadServiceConfig, runService } from '@gridline/platform';
import { loadPersonalDataConfig } from '@gridline/personal-data';
import { GridRegistryModule } from './grid-registry.module';
import { IMPORT_PATHS } from './imports/import-body.middleware';
import { gridRegistryIdentity } from './service-identity';

runService(async () => {
  const config = loadServiceConfig(gridRegistryIdentity);
  await bootstrapService(GridRegistryModule.with(config, loadPersonalDataConfig(config.serviceName)), config, {
    title: 'Gridline grid-registry',
    description:
      'Districts (tenants), their grid tree from street to micro-grid, addresses and grid leaders. ' +
      'Every change is published as whole-state events on the compacted tenant-state and grid-state topics.',
    // Bulk imports read their own bodies, up to 5 MB (imports/import-body.middleware.ts).
    ownBodyPaths: IMPORT_PATHS,
  });
});
