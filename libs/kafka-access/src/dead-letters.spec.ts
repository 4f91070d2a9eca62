import {
  checkGroup,
  deadLetterOf,
  DeadLetterToolError,
  foldResolutions,
  parseDeadLetterId,
  replayRecordOf,
} from './dead-letters';

const letter = deadLetterOf(0, {
  offset: '7',
  key: Buffer.from('grid-1'),
  value: Buffer.from('{"gridId":"grid-1"}'),
  headers: {
    ce_id: Buffer.from('e-1'),
    ce_type: Buffer.from('gridline.registry.grid-state-changed'),
    ce_tenantid: Buffer.from('erqi'),
    dlq_reason: Buffer.from('handler-failed'),
    dlq_detail: Buffer.from('after 3 attempt(s): boom'),
    dlq_original_topic: Buffer.from('gridline.registry.grid-state.v1'),
    dlq_original_partition: Buffer.from('2'),
    dlq_original_offset: Buffer.from('41'),
    dlq_failed_at: Buffer.from('2026-12-04T00:00:00.000Z'),
  },
});

describe('dead letters', () => {
  it('reads a dead letter’s reason, origin and event from its headers, with its position as id', () => {
    expect(letter).toMatchObject({
      id: '0:7',
      reason: 'handler-failed',
      originalTopic: 'gridline.registry.grid-state.v1',
      originalPartition: '2',
      originalOffset: '41',
      type: 'gridline.registry.grid-state-changed',
      tenant: 'erqi',
      eventId: 'e-1',
      key: 'grid-1',
    });
  });

  it('replays the event as first delivered: dlq bookkeeping gone, origin kept, the replayed id named', () => {
    expect(replayRecordOf(letter)).toEqual({
      key: 'grid-1',
      value: '{"gridId":"grid-1"}',
      headers: {
        ce_id: 'e-1',
        ce_type: 'gridline.registry.grid-state-changed',
        ce_tenantid: 'erqi',
        dlq_original_topic: 'gridline.registry.grid-state.v1',
        gridline_replay_of: '0:7',
      },
    });
    expect(() => replayRecordOf({ ...letter, originalTopic: null })).toThrow(DeadLetterToolError);
  });

  it('parses ids and refuses anything else', () => {
    expect(parseDeadLetterId('0:7')).toEqual({ partition: 0, offset: '7' });
    for (const bad of ['7', '0:', ':7', '0:7:1', 'a:b', '0:-1'])
      expect(() => parseDeadLetterId(bad)).toThrow(DeadLetterToolError);
  });

  it('keeps the latest resolution per id, and a tombstone reopens one', () => {
    const replayed = JSON.stringify({ action: 'replayed', at: 't2', by: 'a' });
    const resolutions = foldResolutions([
      { key: '0:1', value: JSON.stringify({ action: 'discarded', at: 't1', by: 'a' }) },
      { key: '0:1', value: replayed },
      { key: '0:2', value: JSON.stringify({ action: 'discarded', at: 't1', by: 'b' }) },
      { key: '0:2', value: null },
    ]);
    expect([...resolutions.keys()]).toEqual(['0:1']);
    expect(resolutions.get('0:1')).toEqual(JSON.parse(replayed));
  });

  it('knows only the catalogue’s groups, and will not replay the district streams', () => {
    expect(checkGroup('analytics.projections', true)).toBe('analytics.projections');
    expect(() => checkGroup(undefined, false)).toThrow('--group is required');
    expect(() => checkGroup('nope', false)).toThrow('not a consumer group');
    expect(() => checkGroup('analytics.district-streams', true)).toThrow('discard them');
    expect(checkGroup('analytics.district-streams', false)).toBe('analytics.district-streams');
  });
});
