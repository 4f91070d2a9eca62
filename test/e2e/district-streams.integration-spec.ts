import { randomUUID } from 'node:crypto';
import { IHeaders } from 'kafkajs';
import { deadLetterTopicOf, districtTopicOf, DistrictStreams, GridStateChanged, Topics } from '@gridline/contracts';
import { KafkaProvisioner, teamAcls, withAdmin } from '@gridline/kafka-access';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder, RecordedMessage } from '../support/event-recorder';
import { adminConnection, connectionAs, kafkaAs, teamCredentials } from '../support/kafka-credentials';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * District analytics teams read their own district with a stock client: analytics copies every public topic into
 * `gridline.district.<tenant>.*` in Kafka transactions. Each district's copy holds exactly its events — none lost,
 * none twice, each aggregate in its order — also across a crash of the router, and a district team's ACL reaches
 * nothing else.
 */
describe("each district's own event streams", () => {
  let platform: PlatformUnderTest;
  let shared: EventRecorder;
  const districts = ['erqi', 'jinshui'];
  const gridsPerRound = 4;

  beforeAll(async () => {
    platform = await startPlatform('district-streams', ['grid-registry', 'analytics']);
    shared = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.gridState.name)]);
  });

  afterAll(async () => {
    await shared?.stop();
    await platform?.shutdown();
  });

  async function createDistrictsAndGrids(round: number): Promise<void> {
    const registry = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    for (const [n, tenantId] of districts.entries()) {
      if (round === 0)
        expect(
          (await registry.post('/v1/tenants', { tenantId, divisionCode: `41010${n + 3}`, name: tenantId })).status,
        ).toBe(201);
      const admin = registry.as(await as.districtAdmin(tenantId));
      for (let g = 0; g < gridsPerRound; g += 1) {
        expect(
          (
            await admin.post(`/v1/tenants/${tenantId}/grids`, {
              level: 'street',
              parentId: null,
              name: `街道${round}-${g}`,
            })
          ).status,
        ).toBe(201);
      }
    }
  }

  const header = (m: RecordedMessage, name: string) => m.headers[name];
  const idsBySubject = (messages: readonly RecordedMessage[]) => {
    const bySubject = new Map<string, string[]>();
    for (const m of messages)
      bySubject.set(header(m, 'ce_subject'), [...(bySubject.get(header(m, 'ce_subject')) ?? []), header(m, 'ce_id')]);
    return bySubject;
  };

  it('copies each district its own events exactly once and in order, also across a crash of the router', async () => {
    await createDistrictsAndGrids(0);
    await eventually(
      'the first grids on the shared topic',
      async () => shared.messages.length >= districts.length * (gridsPerRound + 0),
    );
    await platform.services.analytics.crash();
    await createDistrictsAndGrids(1);
    await platform.services.analytics.start();

    const expectedCount = districts.length * gridsPerRound * 2;
    await eventually(
      'every grid on the shared topic',
      async () => shared.messages.filter((m) => m.event?.type === GridStateChanged.type).length >= expectedCount,
    );
    const admin = EventRecorder.kafka().admin();
    await admin.connect();
    await eventually('the district topics to exist', async () => {
      const topics = new Set(await admin.listTopics());
      return districts.every((d) => topics.has(platform.topic(districtTopicOf(d, Topics.gridState.name))));
    });
    await admin.disconnect();
    const copies = await Promise.all(
      districts.map((d) =>
        new EventRecorder(EventRecorder.kafka()).start([platform.topic(districtTopicOf(d, Topics.gridState.name))]),
      ),
    );
    try {
      for (const [n, district] of districts.entries()) {
        const own = shared.messages.filter((m) => header(m, 'ce_tenantid') === district);
        await eventually(
          `${district}'s copy to hold its ${own.length} events`,
          async () => copies[n].messages.length >= own.length,
        );
        expect(copies[n].messages.map((m) => header(m, 'ce_id')).sort()).toEqual(
          own.map((m) => header(m, 'ce_id')).sort(),
        );
        expect(new Set(copies[n].messages.map((m) => header(m, 'ce_tenantid')))).toEqual(new Set([district]));
        expect(idsBySubject(copies[n].messages)).toEqual(idsBySubject(own));
      }
    } finally {
      await Promise.all(copies.map((copy) => copy.stop()));
    }
  });

  it("lets a district team read its district's topics and nothing else", async () => {
    const team = teamCredentials();
    const grant = teamAcls({ team: team.username.replace(/^team-/, ''), district: 'erqi' }, platform.topicPrefix);
    await withAdmin(adminConnection(), (admin) => new KafkaProvisioner(admin).grant(grant));
    try {
      const kafka = kafkaAs(connectionAs(team));
      const seen: string[] = [];
      const reader = kafka.consumer({ groupId: platform.topic(`${team.username}.erqi`) });
      await reader.connect();
      await reader.subscribe({
        topics: [platform.topic(districtTopicOf('erqi', Topics.gridState.name))],
        fromBeginning: true,
      });
      await reader.run({ eachMessage: async ({ message }) => void seen.push(String(message.headers?.ce_tenantid)) });
      await eventually('the team to read erqi grids', async () => seen.length >= gridsPerRound * 2);
      await reader.disconnect();
      expect(new Set(seen)).toEqual(new Set(['erqi']));

      for (const forbidden of [districtTopicOf('jinshui', Topics.gridState.name), Topics.gridState.name]) {
        const other = kafka.consumer({
          groupId: platform.topic(`${team.username}.probe-${randomUUID().slice(0, 6)}`),
          retry: { retries: 0 },
        });
        await other.connect();
        await expect(other.subscribe({ topics: [platform.topic(forbidden)], fromBeginning: true })).rejects.toThrow(
          /authoriz/i,
        );
        await other.disconnect();
      }
    } finally {
      await withAdmin(adminConnection(), (admin) => new KafkaProvisioner(admin).revoke(grant));
    }
  });

  it('dead-letters a message that names no district instead of copying it anywhere', async () => {
    const deadLetters = await new EventRecorder(EventRecorder.kafka()).start([
      platform.topic(deadLetterTopicOf(DistrictStreams.group)),
    ]);
    const producer = EventRecorder.kafka().producer();
    await producer.connect();
    const key = randomUUID();
    const headers: IHeaders = {
      ce_specversion: '1.0',
      ce_id: key,
      ce_type: GridStateChanged.type,
      ce_source: '/gridline/grid-registry',
    };
    await producer.send({ topic: platform.topic(Topics.gridState.name), messages: [{ key, value: '{}', headers }] });
    await producer.disconnect();
    const dead = await eventually('the district-less message in the dead-letter topic', async () =>
      deadLetters.messages.find((m) => m.key === key),
    );
    expect(dead.headers).toMatchObject({ dlq_reason: 'no-district', dlq_consumer_group: DistrictStreams.group });
    await deadLetters.stop();
  });
});
