import { spawn } from 'node:child_process';
import path from 'node:path';
import { entryPointOf, freePort, NodeProcess } from '@gridline/testing';
import { testLogDir } from './service-process';

const root = path.resolve(__dirname, '../..');

const upstreamVariable: Record<string, string> = {
  'grid-registry': 'EDGE_UPSTREAM_GRID_REGISTRY',
  'issue-dispatch': 'EDGE_UPSTREAM_ISSUE_DISPATCH',
  'volunteer-coordination': 'EDGE_UPSTREAM_VOLUNTEER_COORDINATION',
  analytics: 'EDGE_UPSTREAM_ANALYTICS',
};

export interface EdgeOptions {
  /** Base URL of each service by name; a service left out points at a closed port. */
  readonly upstreams: Record<string, string>;
  readonly consoleDist: string;
  /** The development private key: turns development sign-in on. */
  readonly devSignInKeyFile?: string;
  /** Anything else (NODE_ENV, CONSOLE_OIDC_*, CONSOLE_MAP_*). */
  readonly env?: Record<string, string>;
}

/** The edge (apps/edge) as its own process from dist/, as `npm start` runs it. */
export class EdgeProcess {
  private process: NodeProcess | null = null;
  private port = 0;
  readonly logFile: string;

  constructor(private readonly options: EdgeOptions) {
    this.logFile = path.join(testLogDir, `edge-${process.pid}-${Date.now()}.log`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const closed = `http://127.0.0.1:${await freePort()}`;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      EDGE_PORT: String(this.port),
      EDGE_HOST: '127.0.0.1',
      CONSOLE_DIST: this.options.consoleDist,
      ...Object.fromEntries(
        Object.entries(upstreamVariable).map(([service, variable]) => [
          variable,
          this.options.upstreams[service] ?? closed,
        ]),
      ),
      EDGE_DEV_SIGN_IN: this.options.devSignInKeyFile ? 'true' : 'false',
      ...(this.options.devSignInKeyFile ? { AUTH_DEV_SIGNING_KEY_FILE: this.options.devSignInKeyFile } : {}),
      NODE_ENV: 'development',
      ...this.options.env,
    };
    this.process = new NodeProcess({
      name: 'the edge',
      script: entryPointOf(root, 'edge'),
      env,
      logFile: this.logFile,
    });
    await this.process.start({ healthUrl: `${this.baseUrl}/edge/health`, timeoutMs: 30_000, intervalMs: 100 });
  }

  async stop(): Promise<number | null> {
    return (await this.process?.stop()) ?? null;
  }
}

/** Runs the edge with `env` and returns how it ended: its exit code and what it wrote to stderr. */
export async function edgeRefusal(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/edge/src/main.js')], {
    env: { ...(process.env as Record<string, string>), EDGE_PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, stderr };
}
