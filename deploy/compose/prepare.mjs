#!/usr/bin/env node
// Before `docker compose up`: generates the compose stack's Kafka secrets once into .gridline/compose/ (owner-only,
// never in the repository) — the broker's configuration, the SCRAM users its storage is formatted with, the admin's
// client configuration, and one env file per service holding only that service's credentials.
//
//   node deploy/compose/prepare.mjs && docker compose up --build
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '../../.gridline/compose');
const services = ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'];
const secret = () => randomBytes(24).toString('hex');
const write = (name, text) => writeFileSync(path.join(dir, name), text, { mode: 0o600 });

mkdirSync(dir, { recursive: true });
const secretsFile = path.join(dir, 'secrets.json');
const secrets = existsSync(secretsFile)
  ? JSON.parse(readFileSync(secretsFile, 'utf8'))
  : {
      broker: { username: 'broker', password: secret() },
      admin: { username: 'gridline-admin', password: secret() },
      services: Object.fromEntries(services.map((s) => [s, { username: `svc-${s}`, password: secret() }])),
      demoTeam: { username: 'team-demo-feed', password: secret() },
    };
write('secrets.json', `${JSON.stringify(secrets, null, 2)}\n`);
write(
  'server.properties',
  readFileSync(path.join(here, 'kafka.properties.template'), 'utf8')
    .replaceAll('@BROKER_USER@', secrets.broker.username)
    .replaceAll('@BROKER_PASSWORD@', secrets.broker.password)
    .replaceAll('@ADMIN_USER@', secrets.admin.username),
);
const users = [secrets.broker, secrets.admin, ...Object.values(secrets.services), secrets.demoTeam];
write(
  'scram-users',
  users.map((u) => `--add-scram SCRAM-SHA-512=[name=${u.username},password=${u.password}]`).join(' '),
);
write(
  'admin.properties',
  [
    'security.protocol=SASL_PLAINTEXT',
    'sasl.mechanism=SCRAM-SHA-512',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${secrets.admin.username}" password="${secrets.admin.password}";`,
    '',
  ].join('\n'),
);
write(
  'kafka-admin.env',
  `KAFKA_SASL_USERNAME=${secrets.admin.username}\nKAFKA_SASL_PASSWORD=${secrets.admin.password}\n`,
);
for (const service of services) {
  const own = secrets.services[service];
  write(`${service}.env`, `KAFKA_SASL_USERNAME=${own.username}\nKAFKA_SASL_PASSWORD=${own.password}\n`);
}
process.stdout.write(
  `compose: Kafka secrets in ${path.relative(process.cwd(), dir) || dir} (keep them; delete the folder and the stack's volumes together to start over)\n`,
);
