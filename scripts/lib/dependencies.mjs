// Installs npm dependencies when they are missing or older than package-lock.json. Node builtins only:
// this runs before node_modules exists on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';

export function ensureNodeModules(root, log) {
  const modules = path.join(root, 'node_modules');
  // A linked node_modules (a second checkout sharing the first one's install) is the other checkout's to keep:
  // npm ci here would empty it through the link.
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) return;
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh = existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  const command = existsSync(lock) ? ['ci'] : ['install'];
  log(`deps: npm ${command[0]} (first run on this clone; the npm cache makes later ones quick)`);
  const started = Date.now();
  const result = spawnSync('npm', [...command, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(`gridline: npm ${command[0]} failed (exit ${result.status}); see the output above`);
  log(`deps: installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

export function run(root, command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0)
    throw new Error(`gridline: ${what} failed (exit ${result.status ?? result.signal}); see the output above`);
}
