import { EdgeConfig, tileOrigin } from './edge-config';

/**
 * The Content-Security-Policy of every answer, from one place. Nothing inline: the console bundle has no inline
 * script and no inline <style>; style attributes that React, MapLibre and ECharts set through the CSSOM
 * (`element.style.x = …`) are not governed by style-src, so `'unsafe-inline'` is not needed (an HTML string with
 * `style="…"` put in through innerHTML is blocked — see docs/adr/0024).
 *
 * The map tile origin is in img-src and connect-src: MapLibre fetches raster tiles with fetch() in its workers,
 * then decodes them, so a tile is a connection before it is an image. The OIDC issuer is in connect-src for
 * discovery and the token exchange (the issuer's token endpoint must be on the issuer's origin).
 */
export function contentSecurityPolicy(config: Pick<EdgeConfig, 'oidc' | 'map'>): string {
  const tiles = config.map.tileUrl ? [tileOrigin(config.map.tileUrl)] : [];
  const issuer = config.oidc ? [new URL(config.oidc.issuer).origin] : [];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...tiles]],
    ['connect-src', ["'self'", ...unique([...issuer, ...tiles])]],
    ['worker-src', ["'self'", 'blob:']],
    ['child-src', ['blob:']],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The headers the edge puts on every answer, its own and proxied ones alike. No CORS: one origin. */
export function securityHeaders(config: Pick<EdgeConfig, 'oidc' | 'map'>): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(config),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
