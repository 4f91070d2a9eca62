#!/usr/bin/env node
// npm run streams -- grant --team NAME [--district ID] | revoke --team NAME | list
//
// Analytics teams read Gridline's event streams with their own, stock Kafka clients. `grant` creates the team's
// SCRAM-SHA-512 credentials (printed once: store them) and its ACLs, derived from the event catalogue by
// libs/kafka-access: a city team reads every public topic, never an INTERNAL or dead-letter one, and may use consumer
// groups named `team-NAME.*`; a district team (--district) reads only `gridline.district.ID.*`, the district's copies
// of the public topics that analytics writes. `revoke` deletes both; a connected client is refused at its next request (seconds).
// It acts on the infrastructure `npm start` uses (or KAFKA_BROKERS + GRIDLINE_KAFKA_SECRETS) for KAFKA_TOPIC_PREFIX.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (line) => process.stdout.write(`${line}\n`);
const quiet = (line) => process.stderr.write(`${line}\n`);

function option(args, name) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function connect() {
  ensureNodeModules(root, quiet);
  const { ensureInfra } = await import('../deploy/infra.mjs');
  const infra = await ensureInfra({ log: quiet });
  const { existsSync } = await import('node:fs');
  if (!existsSync(path.join(root, 'dist/libs/kafka-access/src/index.js')))
    run(root, 'npm', ['run', '--silent', 'build'], 'build');
  const { loadKafkaAccess, adminConnection, readKafkaSecrets } = await import('./lib/kafka-access.mjs');
  const access = await loadKafkaAccess(root);
  const admin = adminConnection(infra);
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const withProvisioner = (work) => access.withAdmin(admin, (client) => work(new access.KafkaProvisioner(client)));
  return { infra, access, admin, prefix, withProvisioner, secrets: readKafkaSecrets(infra) };
}

const commands = {
  async grant(args) {
    const team = option(args, 'team');
    const district = option(args, 'district');
    if (!team) throw new Error('usage: npm run streams -- grant --team NAME [--district ID]');
    const { infra, access, admin, prefix, withProvisioner } = await connect();
    const principal = access.teamPrincipal(team); // validates the name before anything changes
    const bindings = access.teamAcls(district === undefined ? { team } : { team, district }, prefix); // validates the district too
    const password = randomBytes(24).toString('base64url');
    const { setScramUser } = await import('../deploy/kafka/kafka.mjs');
    await setScramUser({
      bootstrap: infra.KAFKA_BROKERS,
      securityProtocol: infra.KAFKA_SECURITY_PROTOCOL,
      admin,
      username: principal,
      password,
    });
    await withProvisioner((provisioner) => provisioner.grant(bindings));
    const reads =
      district === undefined
        ? `${bindings.filter((b) => b.resourceType === 'topic' && b.operation === 'read').length} public topics`
        : `district ${district}'s topics ${prefix}gridline.district.${district}.* (read them with read_committed)`;
    out(`granted ${principal}: reads ${reads}, consumer groups ${prefix}${principal}.*`);
    out(`  bootstrap  ${infra.KAFKA_BROKERS} (${infra.KAFKA_SECURITY_PROTOCOL}, SCRAM-SHA-512)`);
    out(`  username   ${principal}`);
    out(`  password   ${password}   (shown once: store it now)`);
  },

  async revoke(args) {
    const team = option(args, 'team');
    if (!team) throw new Error('usage: npm run streams -- revoke --team NAME');
    const { infra, access, admin, withProvisioner } = await connect();
    const principal = access.teamPrincipal(team);
    const removed = await withProvisioner((provisioner) => provisioner.revokeAll(access.userPrincipal(principal)));
    const { setScramUser } = await import('../deploy/kafka/kafka.mjs');
    await setScramUser({
      bootstrap: infra.KAFKA_BROKERS,
      securityProtocol: infra.KAFKA_SECURITY_PROTOCOL,
      admin,
      username: principal,
      password: null,
    }).catch((error) => {
      if (removed === 0) throw error; // neither ACLs nor credentials: there was no such team
    });
    out(
      `revoked ${principal}: ${removed} ACLs deleted and its credentials removed; a connected client is refused at its next request`,
    );
  },

  async list() {
    const { access, withProvisioner } = await connect();
    const teams = await withProvisioner(async (provisioner) => {
      const entries = await provisioner.aclsOf(undefined);
      const byTeam = new Map();
      for (const entry of entries.filter((e) => e.principal.startsWith('User:team-'))) {
        const binding = access.fromKafkaAcl(entry);
        if (!binding || binding.resourceType !== 'topic' || binding.operation !== 'read') continue;
        byTeam.set(entry.principal, [...(byTeam.get(entry.principal) ?? []), binding.resourceName]);
      }
      return byTeam;
    });
    if (teams.size === 0) out('no analytics teams');
    for (const [principal, topics] of teams)
      out(`${principal.slice('User:'.length)}  reads ${topics.length} topics: ${topics.sort().join(', ')}`);
  },
};

const [command, ...args] = process.argv.slice(2);
if (!commands[command]) {
  process.stderr.write('usage: npm run streams -- grant --team NAME [--district ID] | revoke --team NAME | list\n');
  process.exit(2);
}
commands[command](args).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
