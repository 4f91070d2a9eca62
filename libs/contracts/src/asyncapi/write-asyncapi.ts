import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAsyncApiDocument } from './asyncapi-document';

// `npm run asyncapi` (after a build) rewrites docs/asyncapi.json from the catalogue.
const target = path.resolve(process.cwd(), 'docs/asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
