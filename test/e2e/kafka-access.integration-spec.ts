import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Consumer, Kafka } from 'kafkajs';
import {
  allSubscriptions,
  allTopics,
  deadLetterTopicOf,
  GridStateChanged,
  serviceNames,
  ServiceName,
  TenantStateChanged,
  Topics,
} from '@gridline/contracts';
import { KafkaProvisioner, teamAcls, withAdmin } from '@gridline/kafka-access';
import { KafkaConnection } from '@gridline/platform/config/kafka-connection';
import { eventually } from '@gridline/testing';
import {
  adminConnection,
  connectionAs,
  kafkaAs,
  serviceCredentials,
  teamCredentials,
} from '../support/kafka-credentials';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { syntheticEvent } from '../support/synthetic-event';

/**
 * The broker's access model tried from every side, on the real broker: nobody gets in without credentials, and
 * each principal may produce and consume exactly what the event catalogue says — generated here from the catalogue
 * itself (who owns a topic, which groups read it), not from the ACL list under test.
 */
type Outcome = 'allowed' | 'refused';

const root = path.resolve(__dirname, '../..');

// kafkajs reports a refused group (GROUP_AUTHORIZATION_FAILED from FindCoordinator) as "coordinator not found"; the
// coordinator demonstrably exists, since the allowed reads of the same run go through it.
const isRefusal = (error: unknown) =>
  /AUTHORIZATION_FAILED|not authorized/i.test(
    `${(error as { type?: string }).type ?? ''} ${(error as Error).message}`,
  ) || (error as Error).name === 'KafkaJSGroupCoordinatorNotFound';

type ProbeMessage = { key: string; value: string; headers?: Record<string, string> };

async function tryProduce(
  kafka: Kafka,
  topics: readonly string[],
  message: ProbeMessage = { key: 'access-probe', value: 'access-probe' },
): Promise<Map<string, Outcome>> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  await producer.connect();
  const outcomes = new Map<string, Outcome>();
  try {
    for (const topic of topics) {
      try {
        await producer.send({ topic, acks: -1, messages: [message] });
        outcomes.set(topic, 'allowed');
      } catch (error) {
        if (!isRefusal(error)) throw error;
        outcomes.set(topic, 'refused');
      }
    }
  } finally {
    await producer.disconnect();
  }
  return outcomes;
}

/** Joins `group` on `topic` from the start: allowed once a message arrives, refused when the broker says so. */
async function tryConsume(kafka: Kafka, topic: string, group: string): Promise<Outcome> {
  const consumer = kafka.consumer({
    groupId: group,
    retry: { retries: 0, restartOnFailure: async () => false },
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 100,
  });
  let refusal: unknown = null;
  let received = false;
  consumer.on(consumer.events.CRASH, ({ payload }) => (refusal = payload.error));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async () => void (received = true) });
    await eventually(`${topic} as ${group} to answer`, async () => received || refusal !== null, 30_000, 50);
  } catch (error) {
    refusal = error;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  if (received) return 'allowed';
  if (!isRefusal(refusal)) throw refusal;
  return 'refused';
}

describe('Kafka access follows the catalogue', () => {
  const prefix = `t-access-${randomBytes(3).toString('hex')}.`;
  const physical = (logical: string) => `${prefix}${logical}`;
  const deadLetterTopics = allSubscriptions.map((s) => deadLetterTopicOf(s.group));
  const everyTopic = [...allTopics.map((t) => t.name), ...deadLetterTopics];
  let admin: Kafka;

  beforeAll(async () => {
    await withAdmin(adminConnection(), (client) => new KafkaProvisioner(client).provisionDeployment(prefix, 1));
    admin = kafkaAs(adminConnection());
    // One message in every topic, so an allowed reader has something to read.
    const producer = admin.producer();
    await producer.connect();
    await producer.sendBatch({
      topicMessages: everyTopic.map((topic) => ({
        topic: physical(topic),
        messages: [{ key: 'seed', value: 'seed' }],
      })),
    });
    await producer.disconnect();
  });

  afterAll(async () => {
    await withAdmin(adminConnection(), (client) => new KafkaProvisioner(client).removeDeployment(prefix));
  });

  it('lets nobody in without valid credentials', async () => {
    const anonymous = new Kafka({
      clientId: 'anonymous',
      brokers: adminConnection().brokers,
      retry: { retries: 0 },
      connectionTimeout: 2_000,
      logLevel: 0,
    }).admin();
    await expect(anonymous.connect().then(() => anonymous.listTopics())).rejects.toThrow();
    await anonymous.disconnect();
    const wrongPassword = kafkaAs({ ...serviceConnection('analytics'), password: 'not-the-password' }).admin();
    await expect(wrongPassword.connect()).rejects.toThrow(/SASL|authentication/i);
  });

  const serviceConnection = (service: ServiceName): KafkaConnection => connectionAs(serviceCredentials(service));

  it.each(serviceNames)('%s produces exactly to the topics it owns and its dead-letter topics', async (service) => {
    const outcomes = await tryProduce(kafkaAs(serviceConnection(service)), everyTopic.map(physical));
    const expected = new Map(
      everyTopic.map((topic) => [physical(topic), mayWrite(service, topic) ? 'allowed' : 'refused']),
    );
    expect(outcomes).toEqual(expected);
    process.stdout.write(
      `kafka access: ${service} produce — ${[...outcomes.values()].filter((o) => o === 'allowed').length} allowed, ${[...outcomes.values()].filter((o) => o === 'refused').length} refused\n`,
    );
  });

  // The four services side by side (each in its own groups); within one service one topic at a time, in one group.
  it('lets each service consume exactly the topics its consumer groups subscribe to, in those groups only', async () => {
    const results = await Promise.all(
      serviceNames.map(async (service) => {
        const kafka = kafkaAs(serviceConnection(service));
        const ownGroups = allSubscriptions.filter((s) => s.service === service);
        const group = physical(ownGroups[0]?.group ?? `${service}.no-group-of-its-own`);
        const outcomes: Array<[string, Outcome]> = [];
        for (const topic of everyTopic) outcomes.push([topic, await tryConsume(kafka, physical(topic), group)]);
        const expected = everyTopic.map((topic): [string, Outcome] => [
          topic,
          ownGroups.some((s) => s.topics.includes(topic)) ? 'allowed' : 'refused',
        ]);
        const foreignGroup = allSubscriptions.find((s) => s.service !== service)!;
        const readable = ownGroups[0]?.topics[0] ?? Topics.tenantState.name;
        const inForeignGroup = await tryConsume(kafka, physical(readable), physical(foreignGroup.group));
        const allowed = outcomes.filter(([, o]) => o === 'allowed').length;
        process.stdout.write(
          `kafka access: ${service} consume — ${allowed} allowed, ${outcomes.length - allowed} refused, and refused in ${foreignGroup.group}\n`,
        );
        return { service, outcomes, expected, inForeignGroup };
      }),
    );
    for (const { service, outcomes, expected, inForeignGroup } of results) {
      expect([service, outcomes]).toEqual([service, expected]);
      expect([service, inForeignGroup]).toEqual([service, 'refused']);
    }
  });

  it('lets a city analytics team read every public topic, and nothing INTERNAL, no dead letters, no writes; revoking cuts a reader off', async () => {
    const team = teamCredentials();
    const grant = teamAcls({ team: team.username.replace(/^team-/, '') }, prefix);
    await withAdmin(adminConnection(), (client) => new KafkaProvisioner(client).grant(grant));
    const kafka = kafkaAs(connectionAs(team));
    // Any group under the team's own prefix is the team's: one per topic, read side by side.
    const outcomes = await Promise.all(
      everyTopic.map(async (topic, n) => [
        topic,
        await tryConsume(kafka, physical(topic), physical(`${team.username}.matrix-${n}`)),
      ]),
    );
    expect(outcomes).toEqual(
      everyTopic.map((topic) => [topic, allTopics.some((t) => t.name === topic && t.public) ? 'allowed' : 'refused']),
    );
    expect(await tryConsume(kafka, physical(Topics.issueEvents.name), physical('team-someone-else.matrix'))).toBe(
      'refused',
    );
    expect([...(await tryProduce(kafka, everyTopic.map(physical))).values()].every((o) => o === 'refused')).toBe(true);

    const reader: Consumer = kafka.consumer({
      groupId: physical(`${team.username}.live`),
      retry: { retries: 0, restartOnFailure: async () => false },
    });
    let crashedAt = 0;
    const seen: string[] = [];
    reader.on(reader.events.CRASH, () => (crashedAt = Date.now()));
    await reader.connect();
    await reader.subscribe({ topics: [physical(Topics.issueEvents.name)], fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
    await eventually('the team to read the issue events', async () => seen.includes('seed'));
    const revokedAt = Date.now();
    await withAdmin(adminConnection(), (client) => new KafkaProvisioner(client).revoke(grant));
    await eventually('the revoked reader to be cut off', async () => crashedAt > 0, 30_000, 100);
    process.stdout.write(
      `kafka access: a connected team reader was cut off ${crashedAt - revokedAt} ms after its ACLs were revoked\n`,
    );
    await reader.disconnect();
  });

  it('grants a team through the streams command: its own credentials read public topics with a stock client, and revoke ends both', async () => {
    const team = `lab-${randomBytes(3).toString('hex')}`;
    const env = { ...process.env, KAFKA_TOPIC_PREFIX: prefix };
    const granted = execFileSync(process.execPath, ['scripts/streams.mjs', 'grant', '--team', team], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    const password = /password\s+(\S+)/.exec(granted)?.[1];
    expect(granted).toContain(`granted team-${team}: reads ${allTopics.filter((t) => t.public).length} public topics`);
    const kafka = kafkaAs({ ...adminConnection(), username: `team-${team}`, password: password! });
    // A new SCRAM user and its ACLs reach the broker's authoriser asynchronously; under load that takes a moment.
    await eventually(
      'the new team to read a public topic',
      async () =>
        (await tryConsume(kafka, physical(Topics.issueEvents.name), physical(`team-${team}.dashboards`))) === 'allowed',
      20_000,
      500,
    );
    expect(await tryConsume(kafka, physical(Topics.memberContacts.name), physical(`team-${team}.dashboards`))).toBe(
      'refused',
    );
    expect(
      execFileSync(process.execPath, ['scripts/streams.mjs', 'list'], { cwd: root, env, encoding: 'utf8' }),
    ).toContain(`team-${team}  reads`);

    execFileSync(process.execPath, ['scripts/streams.mjs', 'revoke', '--team', team], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    const refused = kafkaAs({ ...adminConnection(), username: `team-${team}`, password: password! }).admin();
    await expect(refused.connect()).rejects.toThrow(/SASL|authentication/i);
  });

  function mayWrite(service: ServiceName, topic: string): boolean {
    return (
      allTopics.some((t) => t.name === topic && t.owner === service) ||
      allSubscriptions.some((s) => s.service === service && deadLetterTopicOf(s.group) === topic)
    );
  }
});

describe('a forged event never reaches a service', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('forged', ['issue-dispatch']);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('refuses a grid-state event with a correct-looking source from any principal but grid-registry, so the replica never sees it', async () => {
    const tenantId = `forged-${randomUUID().slice(0, 8)}`;
    const tenant = syntheticEvent(
      TenantStateChanged.type,
      tenantId,
      { tenantId, divisionCode: '410199', name: '伪造区', nameEn: null, version: 1 },
      { tenant: tenantId },
    );
    const grid = syntheticEvent(
      GridStateChanged.type,
      'g-forged',
      {
        gridId: 'g-forged',
        tenantId,
        parentId: null,
        level: 'street',
        code: '410199001',
        name: '伪造街道',
        dedicated: null,
        addresses: [],
        leader: null,
        version: 1,
      },
      { tenant: tenantId },
    );
    const forgers = [
      ...(['issue-dispatch', 'volunteer-coordination', 'analytics'] as const).map((service) =>
        serviceCredentials(service),
      ),
      teamCredentials(),
    ];
    for (const forger of forgers) {
      const kafka = kafkaAs(connectionAs(forger));
      const outcomes = [
        ...(await tryProduce(kafka, [platform.topic(Topics.tenantState.name)], tenant.message)).values(),
        ...(await tryProduce(kafka, [platform.topic(Topics.gridState.name)], grid.message)).values(),
      ];
      expect([forger.username, outcomes]).toEqual([forger.username, ['refused', 'refused']]);
    }

    // The owner's principal gets through, which proves the replica was listening all along.
    const owner = kafkaAs(connectionAs(serviceCredentials('grid-registry'))).producer();
    await owner.connect();
    const honestTenant = `honest-${randomUUID().slice(0, 8)}`;
    const honest = syntheticEvent(
      TenantStateChanged.type,
      honestTenant,
      { tenantId: honestTenant, divisionCode: '410198', name: '真实区', nameEn: null, version: 1 },
      { tenant: honestTenant },
    );
    await owner.send({ topic: platform.topic(Topics.tenantState.name), messages: [honest.message] });
    await owner.disconnect();
    await eventually(
      'the honest district in the replica',
      async () =>
        (
          await platform.database.query(`SELECT 1 FROM issue_dispatch.tenant_replica WHERE tenant_id = $1`, [
            honestTenant,
          ])
        ).length === 1,
    );
    expect(
      await platform.database.query(`SELECT 1 FROM issue_dispatch.tenant_replica WHERE tenant_id = $1`, [tenantId]),
    ).toHaveLength(0);
    expect(
      await platform.database.query(`SELECT 1 FROM issue_dispatch.grid_replica WHERE grid_id = 'g-forged'`),
    ).toHaveLength(0);
    expect(grid.message.headers.ce_source).toBe('/gridline/grid-registry'); // the forgery looked right
  });
});
