import { FeedMessage } from './domain/feed-message';
import { FeedConnection } from './feed-connection';

const message = (id: string, tenantId = 'erqi'): FeedMessage => ({
  id,
  event: 'escalated',
  tenantId,
  issueId: 'issue-1',
  category: 'fire-lane',
  state: 'dispatched',
  level: 'grid',
  gridId: 'g',
  depth: 1,
  critical: false,
  deadline: null,
  reason: 'ack-timeout',
  at: '2026-11-28T10:00:00.000Z',
});

function fakeResponse() {
  const written: string[] = [];
  const response = {
    writableLength: 0,
    ended: false,
    write: (chunk: string) => (written.push(chunk), true),
    end: () => ((response.ended = true), response),
  };
  return { response, ids: () => written.map((chunk) => /^id: (.*)$/m.exec(chunk)?.[1]).filter(Boolean) };
}

describe('FeedConnection', () => {
  it('sends the replay first, then what arrived meanwhile, each id once', () => {
    const { response, ids } = fakeResponse();
    const connection = new FeedConnection('erqi', response as never);
    connection.deliver(message('c'));
    connection.deliver(message('b'));
    connection.send(message('a'));
    connection.send(message('b'));
    connection.release();
    connection.deliver(message('c'));
    connection.deliver(message('d'));
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
  });

  it("never carries another district's message to a district connection", () => {
    const { response, ids } = fakeResponse();
    const connection = new FeedConnection('erqi', response as never);
    connection.release();
    connection.deliver(message('x', 'jinshui'));
    expect(ids()).toEqual([]);
  });

  it('cuts off a client that stopped reading, so it reconnects instead of growing the buffer', () => {
    const { response } = fakeResponse();
    const connection = new FeedConnection(null, response as never);
    connection.release();
    response.writableLength = 2_000_000;
    connection.deliver(message('a', 'jinshui'));
    expect(response.ended).toBe(true);
  });
});
