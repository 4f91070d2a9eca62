import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { freePort } from './free-port';
import { NodeProcess } from './node-process';

/** A stand-in for a service: answers HTTP on PORT, says so on stdout, drains on SIGTERM; EXIT_CODE makes it fail. */
const serverSource = `
const http = require('node:http');
if (process.env.EXIT_CODE) { console.error('cannot start'); process.exit(Number(process.env.EXIT_CODE)); }
http.createServer((request, response) => response.end('ok')).listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log('listening'));
process.on('SIGTERM', () => { console.log('draining'); process.exit(0); });
`;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): state, parent, process group, … */
function statOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return undefined;
  }
}

const processGroupOf = (pid: number) => Number(statOf(pid)?.[2]);

/** Not gone and not a zombie: an orphan's exit is reaped by whoever adopted it, perhaps late. */
const isRunning = (pid: number) => ![undefined, 'Z'].includes(statOf(pid)?.[0]);

describe('NodeProcess', () => {
  let dir: string;
  let script: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'node-process-'));
    script = path.join(dir, 'server.js');
    writeFileSync(script, serverSource);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves once the health URL answers, the process writing its own output to the log, and drains on stop', async () => {
    const port = await freePort();
    const logFile = path.join(dir, 'logs', 'server.log');
    const server = new NodeProcess({ name: 'server', script, env: { ...process.env, PORT: String(port) }, logFile });

    await server.start({ healthUrl: `http://127.0.0.1:${port}/`, intervalMs: 20 });
    const pid = server.pid as number;
    expect(processGroupOf(pid)).toBe(processGroupOf(process.pid)); // a Ctrl+C here reaches it too

    expect(await server.stop()).toBe(0);
    expect(server.pid).toBeUndefined();
    expect(readFileSync(logFile, 'utf8')).toBe('listening\ndraining\n');
  });

  it('fails at once, naming the log, when the process exits before it answers', async () => {
    const port = await freePort();
    const logFile = path.join(dir, 'server.log');
    const server = new NodeProcess({
      name: 'server',
      script,
      env: { ...process.env, PORT: String(port), EXIT_CODE: '3' },
      logFile,
    });

    const began = Date.now();
    await expect(server.start({ healthUrl: `http://127.0.0.1:${port}/`, timeoutMs: 30_000 })).rejects.toThrow(
      `server exited with 3 before it answered http://127.0.0.1:${port}/; see ${logFile}`,
    );
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(readFileSync(logFile, 'utf8')).toBe('cannot start\n');
  });

  it('detached: the process leads its own group and keeps running and logging after its launcher has exited', async () => {
    // The launcher is a separate Node process running this module compiled as it is (only Node's own modules).
    const source = readFileSync(path.join(__dirname, 'node-process.ts'), 'utf8');
    const compiled = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    writeFileSync(path.join(dir, 'node-process.js'), compiled.outputText);
    const port = await freePort();
    const logFile = path.join(dir, 'server.log');
    const launcher = path.join(dir, 'launch.js');
    writeFileSync(
      launcher,
      `const { NodeProcess } = require('./node-process.js');
       const server = new NodeProcess({ name: 'server', script: ${JSON.stringify(script)},
         env: { ...process.env, PORT: '${port}' }, logFile: ${JSON.stringify(logFile)}, detached: true });
       server.start({ healthUrl: 'http://127.0.0.1:${port}/', intervalMs: 20 }, (child) => console.log(child.pid));`,
    );

    // Ends only if the launcher's event loop does not wait for the server it started.
    const launched = await promisify(execFile)(process.execPath, [launcher], { timeout: 10_000 }).then(
      ({ stdout }) => ({ stdout, failure: undefined }),
      (error: { stdout: string; message: string }) => ({ stdout: error.stdout, failure: error.message }),
    );
    const pid = Number(launched.stdout.trim());
    try {
      expect(launched.failure).toBeUndefined();
      expect(processGroupOf(pid)).toBe(pid);
      expect((await fetch(`http://127.0.0.1:${port}/`)).ok).toBe(true);
      process.kill(pid, 'SIGTERM');
      while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(readFileSync(logFile, 'utf8')).toBe('listening\ndraining\n');
    } finally {
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 30_000);
});
