import { createServer, Server } from 'node:net';
import { freePort } from './free-port';

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('freePort under Jest', () => {
  const worker = Number(process.env.JEST_WORKER_ID);
  const blockStart = 21_000 + ((worker - 1) % 8) * 500;

  it("hands out the worker's own ports, below the kernel's ephemeral range, never the same one twice", async () => {
    const ports = [await freePort(), await freePort(), await freePort()];
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(blockStart);
      expect(port).toBeLessThan(blockStart + 500);
    }
  });

  it('skips a port something is listening on', async () => {
    const next = await freePort();
    // The port after `next` is the one it would hand out now: take it first.
    const squatter = await listen(next + 1 < blockStart + 500 ? next + 1 : blockStart);
    try {
      const port = await freePort();
      expect(port).not.toBe((squatter.address() as { port: number }).port);
      await listen(port).then((server) => server.close());
    } finally {
      squatter.close();
    }
  });
});
