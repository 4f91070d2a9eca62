#!/usr/bin/env node
// npm run dlq -- list|show|replay|discard --group GROUP [--id ID] [--dry-run] [--json]
//
// The events a consumer group could not handle wait in its dead-letter topic (`<group>.dlq`) with the reason.
//   list     the group's dead letters not yet replayed or discarded: id, when, why, the event's type and district
//   show     one dead letter whole: headers and payload (--id)
//   replay   puts one (--id) or every unresolved one back in front of THE SAME group's consumer, through its replay
//            topic: schema, source check, inbox and handler run as on a first delivery (a repeat is a duplicate the
//            inbox drops), and no other group sees it again. --dry-run prints what it would do and changes nothing.
//   discard  marks one (--id) resolved without replaying it
// It works as the `ops-dead-letters` principal (created on first use on the local broker), on the infrastructure
// `npm start` uses (or KAFKA_BROKERS + GRIDLINE_KAFKA_SECRETS), for KAFKA_TOPIC_PREFIX. ADR 0027.
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (line) => process.stdout.write(`${line}\n`);
const quiet = (line) => process.stderr.write(`${line}\n`);
const USAGE = 'usage: npm run dlq -- list|show|replay|discard --group GROUP [--id ID] [--dry-run] [--json]';

function option(args, name) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** The operator's credentials: from the secrets file, or made now on a broker formatted before the tool existed. */
async function operatorCredentials(infra, access, readKafkaSecrets) {
  const secrets = readKafkaSecrets(infra);
  if (secrets.deadLetters) return secrets.deadLetters;
  const { randomBytes } = await import('node:crypto');
  const { setScramUser } = await import('../deploy/kafka/kafka.mjs');
  const deadLetters = { username: access.DEAD_LETTER_OPERATOR, password: randomBytes(24).toString('base64url') };
  await setScramUser({
    bootstrap: infra.KAFKA_BROKERS,
    securityProtocol: infra.KAFKA_SECURITY_PROTOCOL,
    admin: secrets.admin,
    username: deadLetters.username,
    password: deadLetters.password,
  });
  writeFileSync(infra.GRIDLINE_KAFKA_SECRETS, JSON.stringify({ ...secrets, deadLetters }, null, 2), { mode: 0o600 });
  quiet(`dlq: created the ${deadLetters.username} principal and saved its password in ${infra.GRIDLINE_KAFKA_SECRETS}`);
  return deadLetters;
}

async function open(group) {
  ensureNodeModules(root, quiet);
  const { ensureInfra } = await import('../deploy/infra.mjs');
  const infra = await ensureInfra({ log: quiet });
  if (!existsSync(path.join(root, 'dist/libs/kafka-access/src/dead-letters.js')))
    run(root, 'npm', ['run', '--silent', 'build'], 'build');
  const { loadKafkaAccess, adminConnection, readKafkaSecrets } = await import('./lib/kafka-access.mjs');
  const access = await loadKafkaAccess(root);
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const admin = adminConnection(infra);
  const operator = await operatorCredentials(infra, access, readKafkaSecrets);
  // Its ACLs follow the catalogue like a service's; granting them again changes nothing.
  await access.withAdmin(admin, (client) =>
    new access.KafkaProvisioner(client).grant(access.deadLetterOperatorAcls(prefix)),
  );
  const store = new access.DeadLetterStore(
    { ...admin, username: operator.username, password: operator.password },
    prefix,
    group,
  );
  return { access, store };
}

/** Dead letters of the group with their resolution, if any; `id` narrows to one and refuses an unknown id. */
async function load(store, access, id) {
  if (id !== undefined) access.parseDeadLetterId(id);
  const [letters, resolutions] = await Promise.all([store.deadLetters(), store.resolutions()]);
  const all = letters.map((letter) => ({ letter, resolution: resolutions.get(letter.id) ?? null }));
  if (id === undefined) return all;
  const one = all.filter(({ letter }) => letter.id === id);
  if (one.length === 0)
    throw new access.DeadLetterToolError(
      `no dead letter ${id} in this group (\`npm run dlq -- list --group …\` shows the ids)`,
    );
  return one;
}

const operatorName = () => process.env.GRIDLINE_OPERATOR ?? os.userInfo().username;
const shorten = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

const commands = {
  async list(args) {
    const group = checkedGroup(args, false);
    const { access, store } = await open(group);
    const open_ = (await load(store, access))
      .filter(({ resolution }) => resolution === null)
      .map(({ letter }) => letter);
    if (args.includes('--json'))
      return out(JSON.stringify(open_.map(({ headers, value, key, ...summary }) => summary)));
    if (open_.length === 0) return out(`no unresolved dead letters in ${group}`);
    out(`${open_.length} unresolved dead letter(s) in ${group}:`);
    out(['id', 'failed at', 'reason', 'type', 'district', 'from', 'detail'].join('  '));
    for (const l of open_) {
      out(
        [
          l.id,
          l.failedAt ?? '?',
          l.reason,
          l.type ?? '?',
          l.tenant ?? '?',
          `${l.originalTopic ?? '?'}[${l.originalPartition ?? '?'}]@${l.originalOffset ?? '?'}`,
          shorten(l.detail.replace(/\s+/g, ' '), 100),
        ].join('  '),
      );
    }
  },

  async show(args) {
    const group = checkedGroup(args, false);
    const id = requiredId(args, 'show');
    const { access, store } = await open(group);
    const [{ letter, resolution }] = await load(store, access, id);
    let payload = letter.value;
    try {
      payload = JSON.stringify(JSON.parse(letter.value ?? 'null'), null, 2);
    } catch {
      // not JSON (a malformed envelope): shown as it is
    }
    out(
      `dead letter ${letter.id} of ${group}${resolution ? ` — ${resolution.action} at ${resolution.at} by ${resolution.by}` : ' — unresolved'}`,
    );
    out(`key: ${letter.key ?? '(none)'}`);
    out('headers:');
    for (const [name, value] of Object.entries(letter.headers).sort()) out(`  ${name}: ${value}`);
    out('payload:');
    out(payload ?? '(none)');
  },

  async replay(args) {
    const group = checkedGroup(args, true);
    const id = option(args, 'id');
    const dryRun = args.includes('--dry-run');
    const { access, store } = await open(group);
    const chosen = await load(store, access, id);
    const resolved = chosen.filter(({ resolution }) => resolution !== null);
    if (id !== undefined && resolved.length > 0) {
      const { resolution } = resolved[0];
      throw new access.DeadLetterToolError(
        `dead letter ${id} was already ${resolution.action} at ${resolution.at} by ${resolution.by}; nothing to do`,
      );
    }
    const todo = chosen.filter(({ resolution }) => resolution === null).map(({ letter }) => letter);
    for (const letter of todo) access.replayRecordOf(letter); // refuses one without an original topic before anything is sent
    if (todo.length === 0) return out(`no unresolved dead letters in ${group}; nothing replayed`);
    for (const letter of todo) {
      if (dryRun) {
        out(
          `would replay ${letter.id} (${letter.type ?? '?'} ${letter.eventId ?? '?'}, ${letter.reason}) to ${group} as from ${letter.originalTopic}`,
        );
        continue;
      }
      await store.replay(letter, operatorName());
      out(
        `replayed ${letter.id} (${letter.type ?? '?'} ${letter.eventId ?? '?'}) to ${group} as from ${letter.originalTopic}`,
      );
    }
    if (dryRun) out(`dry run: ${todo.length} dead letter(s) would be replayed; nothing was changed`);
  },

  async discard(args) {
    const group = checkedGroup(args, false);
    const id = requiredId(args, 'discard');
    const { access, store } = await open(group);
    const [{ letter, resolution }] = await load(store, access, id);
    if (resolution)
      throw new access.DeadLetterToolError(
        `dead letter ${id} was already ${resolution.action} at ${resolution.at} by ${resolution.by}; nothing to do`,
      );
    if (args.includes('--dry-run')) return out(`would discard ${letter.id}; nothing was changed`);
    await store.discard(letter, operatorName());
    out(`discarded ${letter.id} (${letter.type ?? '?'} ${letter.eventId ?? '?'}); it is no longer listed`);
  },
};

// Checked before anything connects, so a typo costs nothing. The catalogue's groups come from the built contracts.
let catalogue;
function checkedGroup(args, forReplay) {
  return catalogue.checkGroup(option(args, 'group'), forReplay);
}

function requiredId(args, command) {
  const id = option(args, 'id');
  if (id === undefined)
    throw new catalogue.DeadLetterToolError(`${command} needs --id (one dead letter; \`list\` prints the ids)`);
  catalogue.parseDeadLetterId(id);
  return id;
}

const [command, ...args] = process.argv.slice(2);
if (!commands[command]) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
try {
  ensureNodeModules(root, quiet);
  if (!existsSync(path.join(root, 'dist/libs/kafka-access/src/dead-letters.js')))
    run(root, 'npm', ['run', '--silent', 'build'], 'build');
  const { loadKafkaAccess } = await import('./lib/kafka-access.mjs');
  catalogue = await loadKafkaAccess(root);
  await commands[command](args);
} catch (error) {
  process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
