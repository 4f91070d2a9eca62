import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { serviceNodeEnvironment, serviceNodeOptions } from './node-process';

const root = path.resolve(__dirname, '../../..');

/** V8's heap limit, in MB, of a Node process started with `env`. */
async function heapLimitMbWith(env: NodeJS.ProcessEnv): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-e', "console.log(require('node:v8').getHeapStatistics().heap_size_limit)"],
    { env },
  );
  return Number(stdout) / 1024 / 1024;
}

describe('the Node options services run with', () => {
  it('are the container image’s: the Dockerfile sets the same NODE_OPTIONS', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^\s+NODE_OPTIONS=(\S+)$/m)?.[1]).toBe(serviceNodeOptions);
  });

  it('cap the service’s heap near 128 MB, where Node alone would take far more on this machine', async () => {
    const { NODE_OPTIONS: _, ...withoutOptions } = process.env;
    const capped = await heapLimitMbWith({ ...withoutOptions, ...serviceNodeEnvironment({}) });
    // The limit is the old space plus the young generation's semi-spaces.
    expect(capped).toBeGreaterThanOrEqual(128);
    expect(capped).toBeLessThan(200);
    expect(await heapLimitMbWith(withoutOptions)).toBeGreaterThan(capped);
  });

  it('follow SERVICE_NODE_OPTIONS when set, and never the launcher’s own NODE_OPTIONS', () => {
    expect(serviceNodeEnvironment({ SERVICE_NODE_OPTIONS: '--max-old-space-size=96 --max-semi-space-size=8' })).toEqual(
      {
        NODE_OPTIONS: '--max-old-space-size=96 --max-semi-space-size=8',
      },
    );
    expect(serviceNodeEnvironment({ NODE_OPTIONS: '--max-old-space-size=4096' })).toEqual({
      NODE_OPTIONS: serviceNodeOptions,
    });
  });
});
