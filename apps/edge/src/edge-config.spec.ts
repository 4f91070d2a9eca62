import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EdgeConfigError, loadEdgeConfig } from './edge-config';

const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'edge-config-')), 'dev-signing-key.pem');
writeFileSync(keyFile, 'not read here');

function refusal(env: Record<string, string>): { variable: string; message: string } {
  try {
    loadEdgeConfig(env, '/repo');
  } catch (error) {
    if (error instanceof EdgeConfigError) return { variable: error.variable, message: error.message };
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('the edge configuration', () => {
  it('defaults to loopback :8080, dist/console, the services on 3001–3004, development, no OIDC, no tiles, no dev sign-in', () => {
    const config = loadEdgeConfig({}, '/repo');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      consoleDist: '/repo/dist/console',
      mode: 'development',
      oidc: null,
      map: { tileUrl: null, attribution: null },
      devSignInKeyFile: null,
    });
    expect(Object.fromEntries(Object.entries(config.upstreams).map(([service, url]) => [service, url.href]))).toEqual({
      'grid-registry': 'http://127.0.0.1:3001/',
      'issue-dispatch': 'http://127.0.0.1:3002/',
      'volunteer-coordination': 'http://127.0.0.1:3003/',
      analytics: 'http://127.0.0.1:3004/',
    });
  });

  it('reads the OIDC client with its default scope and the map tiles', () => {
    const config = loadEdgeConfig({
      CONSOLE_OIDC_ISSUER: 'https://id.example.org/realms/g',
      CONSOLE_OIDC_CLIENT_ID: 'console',
      CONSOLE_MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png',
      CONSOLE_MAP_ATTRIBUTION: '© OSM',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://id.example.org/realms/g',
      clientId: 'console',
      scope: 'openid profile',
    });
    expect(config.map).toEqual({ tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© OSM' });
  });

  it('turns development sign-in on with a readable key file', () => {
    expect(loadEdgeConfig({ EDGE_DEV_SIGN_IN: 'true', AUTH_DEV_SIGNING_KEY_FILE: keyFile }).devSignInKeyFile).toBe(
      keyFile,
    );
  });

  it.each([
    [{ EDGE_PORT: 'eighty' }, 'EDGE_PORT'],
    [{ EDGE_PORT: '70000' }, 'EDGE_PORT'],
    [{ EDGE_HOST: 'a host' }, 'EDGE_HOST'],
    [{ EDGE_UPSTREAM_ANALYTICS: 'not a url' }, 'EDGE_UPSTREAM_ANALYTICS'],
    [{ EDGE_UPSTREAM_GRID_REGISTRY: 'ftp://127.0.0.1:3001' }, 'EDGE_UPSTREAM_GRID_REGISTRY'],
    [{ EDGE_UPSTREAM_ISSUE_DISPATCH: 'http://127.0.0.1:3002/?x=1' }, 'EDGE_UPSTREAM_ISSUE_DISPATCH'],
    [{ CONSOLE_OIDC_ISSUER: 'https://id.example.org' }, 'CONSOLE_OIDC_CLIENT_ID'],
    [{ CONSOLE_OIDC_CLIENT_ID: 'console' }, 'CONSOLE_OIDC_ISSUER'],
    [{ CONSOLE_OIDC_ISSUER: 'http://id.example.org', CONSOLE_OIDC_CLIENT_ID: 'console' }, 'CONSOLE_OIDC_ISSUER'],
    [{ CONSOLE_MAP_TILE_URL: 'https://tiles.example.org/tile.png' }, 'CONSOLE_MAP_TILE_URL'],
    [{ CONSOLE_MAP_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png' }, 'CONSOLE_MAP_TILE_URL'],
    [{ EDGE_DEV_SIGN_IN: 'yes' }, 'EDGE_DEV_SIGN_IN'],
    [{ EDGE_DEV_SIGN_IN: 'true' }, 'AUTH_DEV_SIGNING_KEY_FILE'],
    [{ EDGE_DEV_SIGN_IN: 'true', AUTH_DEV_SIGNING_KEY_FILE: '/nowhere/key.pem' }, 'AUTH_DEV_SIGNING_KEY_FILE'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(refusal(env)).toMatchObject({ variable, message: expect.stringContaining(variable) });
  });

  it('refuses to start development sign-in in production', () => {
    expect(refusal({ NODE_ENV: 'production', EDGE_DEV_SIGN_IN: 'true', AUTH_DEV_SIGNING_KEY_FILE: keyFile })).toEqual({
      variable: 'EDGE_DEV_SIGN_IN',
      message: 'EDGE_DEV_SIGN_IN: development sign-in is refused when NODE_ENV=production',
    });
  });
});
