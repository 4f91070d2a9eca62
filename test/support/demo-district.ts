import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

/**
 * Runs the demo loader `npm start` runs (scripts/demo/load-demo.mjs) against the given services, as its own Node
 * process, with the test signing key; answers what it printed (its progress lines) once it has finished.
 */
export async function loadDemoDistrict(
  urls: Record<string, string>,
  { printProgress = true, timeoutMs = 240_000 }: { printProgress?: boolean; timeoutMs?: number } = {},
): Promise<string> {
  const report = printProgress ? 'console.log' : '() => {}';
  const script =
    `import(${JSON.stringify(path.join(root, 'scripts/demo/load-demo.mjs'))}).then((m) => m.loadDemo(process.argv[1], JSON.parse(process.argv[2]), ${report}, process.argv[3]))` +
    '.catch((e) => { console.error(e.message); process.exit(1); })';
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script, root, JSON.stringify(urls), process.env.GRIDLINE_TEST_SIGNING_KEY as string],
    { cwd: root, timeout: timeoutMs },
  );
  return stdout;
}
