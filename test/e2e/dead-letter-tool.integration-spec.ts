import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { GridStateChanged, Subscriptions } from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const root = path.resolve(__dirname, '../..');
const group = Subscriptions.issueDispatchGridReplica.group;

/**
 * `npm run dlq` on the real services: issue-dispatch's grid replica refuses two streets (a constraint stands in for
 * a bad migration), so their GridStateChanged events are dead-lettered; the tool lists them, a dry run changes
 * nothing, the cause is fixed, one is replayed through the group's own consumer and lands exactly once, the other
 * is discarded; bad input is refused.
 */
describe('the dead-letter tool', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('dlq-tool', ['grid-registry', 'issue-dispatch']);
    const city = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId: 'erqi', divisionCode: '410103', name: '二七区' })).status).toBe(
      201,
    );
    await eventually(
      'the district in issue-dispatch',
      async () => (await replicated('tenant_replica', 'tenant_id', 'erqi')) === 1,
    );
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  function dlq(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, ['scripts/dlq.mjs', ...args], {
      cwd: root,
      env: { ...process.env, KAFKA_TOPIC_PREFIX: platform.topicPrefix, GRIDLINE_OPERATOR: 'test-operator' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function replicated(table: string, column: string, id: string): Promise<number> {
    const [{ n }] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM issue_dispatch.${table} WHERE ${column} = $1`,
      [id],
    );
    return n;
  }

  interface Listed {
    id: string;
    reason: string;
    type: string;
    tenant: string;
    eventId: string;
    detail: string;
  }
  const listed = (): Listed[] => {
    const result = dlq('list', '--group', group, '--json');
    if (result.status !== 0) throw new Error(`dlq list failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as Listed[];
  };

  it('lists what was dead-lettered, replays it once the cause is fixed, and discards the rest', async () => {
    await platform.database.query(
      `ALTER TABLE issue_dispatch.grid_replica ADD CONSTRAINT refuse_broken_streets CHECK (name NOT LIKE '坏%') NOT VALID`,
    );
    const registry = httpClient(platform.services['grid-registry'].baseUrl, await as.districtAdmin('erqi'));
    const streets: string[] = [];
    for (const name of ['坏街道一', '坏街道二']) {
      const created = await registry.post('/v1/tenants/erqi/grids', { level: 'street', parentId: null, name });
      expect(created.status).toBe(201);
      streets.push(created.body.gridId);
    }
    const letters = await eventually(
      'both streets dead-lettered',
      async () => {
        const now = listed();
        return now.length === 2 ? now : undefined;
      },
      60_000,
      1_000,
    );
    expect(letters.map((l) => l.reason)).toEqual(['handler-failed', 'handler-failed']);
    expect(letters.map((l) => l.type)).toEqual([GridStateChanged.type, GridStateChanged.type]);
    expect(letters.map((l) => l.tenant)).toEqual(['erqi', 'erqi']);
    expect(letters[0].detail).toContain('refuse_broken_streets');
    const [first, second] = letters;

    const shown = dlq('show', '--group', group, '--id', first.id);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`dead letter ${first.id} of ${group} — unresolved`);
    expect(shown.stdout).toContain('dlq_reason: handler-failed');
    // Letters are listed in the order they were dead-lettered. The two streets' events can sit in two partitions and
    // be dead-lettered at once, so the first letter need not be the first street: its payload says which it is.
    const named = ['坏街道一', '坏街道二'].map((name) => shown.stdout.includes(name));
    expect(named.filter(Boolean)).toHaveLength(1);
    const [replayedStreet, discardedStreet] = named[0] ? streets : [streets[1], streets[0]];

    const dryRun = dlq('replay', '--group', group, '--id', first.id, '--dry-run');
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain(`would replay ${first.id}`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(listed().map((l) => l.id)).toEqual([first.id, second.id]);
    expect(await replicated('grid_replica', 'grid_id', replayedStreet)).toBe(0);

    // The cause fixed, the replay goes through issue-dispatch's own consumer, as from grid-state.
    await platform.database.query('ALTER TABLE issue_dispatch.grid_replica DROP CONSTRAINT refuse_broken_streets');
    const replayed = dlq('replay', '--group', group, '--id', first.id);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toContain(`replayed ${first.id}`);
    await eventually(
      'the replayed street in the replica',
      async () => (await replicated('grid_replica', 'grid_id', replayedStreet)) === 1,
      30_000,
    );
    const [{ n: inboxRows }] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM issue_dispatch.inbox WHERE consumer_group = $1 AND event_id = $2`,
      [group, first.eventId],
    );
    expect(inboxRows).toBe(1);
    expect(listed().map((l) => l.id)).toEqual([second.id]);

    const again = dlq('replay', '--group', group, '--id', first.id);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`dead letter ${first.id} was already replayed`);
    expect(again.stderr).toContain('test-operator');

    const discarded = dlq('discard', '--group', group, '--id', second.id);
    expect(discarded.status).toBe(0);
    expect(listed()).toEqual([]);
    // Discarded, not replayed: the second street never reached the replica, and nothing was dead-lettered anew.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await replicated('grid_replica', 'grid_id', discardedStreet)).toBe(0);
    expect(dlq('replay', '--group', group).stdout).toContain('nothing replayed');
  }, 240_000);

  it('refuses bad input with its reason and a non-zero exit', () => {
    const unknownCommand = dlq('purge', '--group', group);
    expect(unknownCommand.status).toBe(2);
    expect(unknownCommand.stderr).toContain('usage: npm run dlq');
    const cases: Array<[string[], string]> = [
      [['list'], '--group is required'],
      [['list', '--group', 'no-such.group'], 'is not a consumer group of the catalogue'],
      [['show', '--group', group], 'show needs --id'],
      [['show', '--group', group, '--id', 'seven'], 'is not a dead letter id'],
      [['show', '--group', group, '--id', '0:999999'], 'no dead letter 0:999999'],
      [['discard', '--group', group], 'discard needs --id'],
      [['replay', '--group', Subscriptions.analyticsDistrictStreams.group], 'discard them'],
    ];
    for (const [args, reason] of cases) {
      const result = dlq(...args);
      expect({ args, status: result.status, refused: result.stderr.includes(reason) }).toEqual({
        args,
        status: 1,
        refused: true,
      });
    }
  }, 180_000);
});
