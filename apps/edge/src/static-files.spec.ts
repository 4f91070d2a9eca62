import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentTypeOf, immutableCache, resolveStatic } from './static-files';

describe('resolving a console path to a file', () => {
  const outside = mkdtempSync(path.join(os.tmpdir(), 'edge-static-'));
  const dist = path.join(outside, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), '');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
  writeFileSync(path.join(outside, 'secret.txt'), 'no');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(dist, 'assets', 'linked.js'));

  it('serves hashed assets as immutable for a year, and index.html and other files revalidated', () => {
    expect(resolveStatic(dist, '/assets/index-abc123.js')).toEqual({
      kind: 'file',
      file: path.join(dist, 'assets', 'index-abc123.js'),
      cacheControl: immutableCache,
    });
    expect(resolveStatic(dist, '/favicon.svg')).toEqual({
      kind: 'file',
      file: path.join(dist, 'favicon.svg'),
      cacheControl: 'no-cache',
    });
    expect(resolveStatic(dist, '/index.html')).toEqual({
      kind: 'index',
      file: path.join(dist, 'index.html'),
      cacheControl: 'no-cache',
    });
    expect(resolveStatic(dist, '/')).toMatchObject({ kind: 'index' });
  });

  it("answers the console's own routes with index.html, but a missing asset with 404", () => {
    expect(resolveStatic(dist, '/board/erqi')).toMatchObject({ kind: 'index', file: path.join(dist, 'index.html') });
    expect(resolveStatic(dist, '/cases/%E6%B1%9D')).toMatchObject({ kind: 'index' });
    expect(resolveStatic(dist, '/assets/index-old.js')).toEqual({ kind: 'not-found' });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%5c..%5csecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses %s', (urlPath) => {
    expect(resolveStatic(dist, urlPath)).toEqual({ kind: 'bad-path' });
  });

  it('refuses a symbolic link that leads out of the build', () => {
    expect(resolveStatic(dist, '/assets/linked.js')).toEqual({ kind: 'bad-path' });
  });

  it.each([
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['index.html', 'text/html; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
  ])('sends %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
