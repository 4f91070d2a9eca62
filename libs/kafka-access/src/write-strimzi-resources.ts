import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { strimziResourceFiles } from './strimzi-resources';

// `npm run k8s:generate` (after a build) rewrites the Strimzi topics and users from the catalogue.
const directory = path.resolve(process.cwd(), 'deploy/k8s/base/kafka');
for (const [name, content] of Object.entries(strimziResourceFiles())) {
  writeFileSync(path.join(directory, name), content);
  process.stdout.write(`wrote ${path.join(directory, name)}\n`);
}
