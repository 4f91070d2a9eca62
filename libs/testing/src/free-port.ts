import { createServer } from 'node:net';

/**
 * Ports for processes a test starts, below the kernel's ephemeral range (32768+ on Linux), so neither an outgoing
 * connection nor another test worker can be handed the same one. Each Jest worker has its own block; inside it the
 * ports are taken in turn and one that is not free right now is skipped.
 */
const WORKER_PORTS_FROM = 21_000;
const PORTS_PER_WORKER = 500;
const WORKER_BLOCKS = 8;
let nextInBlock = 0;

function bindable(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A TCP port free on the loopback interface right now, for a process the test or benchmark is about to start.
 * Under Jest, from the worker's own block: two workers once chose the same ephemeral port, and a spec took the other
 * worker's service, answering on it, for its own. Elsewhere (the bench, scripts) any free port the kernel picks.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID);
  if (!Number.isInteger(worker) || worker < 1) return bindable(0);
  const blockStart = WORKER_PORTS_FROM + ((worker - 1) % WORKER_BLOCKS) * PORTS_PER_WORKER;
  for (let tries = 0; tries < PORTS_PER_WORKER; tries++) {
    const port = blockStart + (nextInBlock++ % PORTS_PER_WORKER);
    try {
      return await bindable(port);
    } catch {
      // Taken right now (a process of an earlier spec still stopping, or something else on the machine): next one.
    }
  }
  return bindable(0);
}
