import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { openSseStream, SseMessage, SseParser } from './sse-stream';

describe('SseParser', () => {
  const parse = (...chunks: string[]) => {
    const parser = new SseParser();
    const messages: SseMessage[] = [];
    chunks.forEach((chunk) => parser.push(chunk, (message) => messages.push(message)));
    return { parser, messages };
  };

  it('reads id, event and data, whatever the chunk boundaries and line endings', () => {
    const { parser, messages } = parse(
      'id: 1\r\nevent: dispatched\r\nda',
      'ta: {"a":1}\r\n\r\n: heartbeat\n\nid: 2\nevent: closed\ndata: x\ndata: y\n\n',
    );
    expect(messages).toEqual([
      { id: '1', event: 'dispatched', data: '{"a":1}' },
      { id: '2', event: 'closed', data: 'x\ny' },
    ]);
    expect(parser.lastEventId).toBe('2');
  });

  it('keeps an unfinished message until its blank line arrives', () => {
    const { messages } = parse('id: 1\nevent: escalated\ndata: {}\n');
    expect(messages).toEqual([]);
  });
});

describe('openSseStream', () => {
  let server: Server;
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    // Sends messages after the client's Last-Event-ID, then drops the connection the first time (a network cut).
    let connections = 0;
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      connections += 1;
      const last = request.headers['last-event-id'] as string | undefined;
      seen.push(last);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const from = last ? Number(last) + 1 : 1;
      for (let id = from; id < from + 2; id += 1) response.write(`id: ${id}\nevent: dispatched\ndata: {"n":${id}}\n\n`);
      if (connections === 1) setTimeout(() => response.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reconnects after a drop with Last-Event-ID and gets what it missed, telling the caller to refresh', async () => {
    const received: string[] = [];
    let reconnected = 0;
    const states: string[] = [];
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
    const stop = openSseStream({
      url,
      headers: () => ({ authorization: 'Bearer t' }),
      onMessage: (message) => received.push(message.id ?? ''),
      onState: (state) => states.push(state),
      onReconnected: () => (reconnected += 1),
      retryDelaysMs: [10],
    });
    const deadline = Date.now() + 5000;
    while (received.length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    stop();
    expect(received).toEqual(['1', '2', '3', '4']);
    expect(seen).toEqual([undefined, '2']);
    expect(reconnected).toBe(1);
    expect(states).toEqual(expect.arrayContaining(['connecting', 'live', 'reconnecting', 'closed']));
  });

  it('stops on a refusal that retrying cannot fix', async () => {
    const refusing = createServer((_request, response) => response.writeHead(403).end());
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const refused: number[] = [];
    await new Promise<void>((resolve) => {
      openSseStream({
        url: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/`,
        headers: () => ({}),
        onMessage: () => undefined,
        onRefused: (status) => {
          refused.push(status);
          resolve();
        },
      });
    });
    await new Promise((resolve) => refusing.close(resolve));
    expect(refused).toEqual([403]);
  });
});
