import { EdgeConfig } from './edge-config';

/** What the console learns about its deployment from GET /console-config.json (no secrets: it is public). */
export interface ConsoleConfig {
  readonly mode: 'development' | 'production';
  readonly devSignIn: boolean;
  readonly oidc: {
    readonly issuer: string;
    readonly clientId: string;
    readonly scope: string;
    readonly redirectPath: '/auth/callback';
  } | null;
  readonly map: { readonly tileUrl: string | null; readonly attribution: string | null };
}

export function consoleConfigOf(config: EdgeConfig): ConsoleConfig {
  return {
    mode: config.mode,
    devSignIn: config.devSignInKeyFile !== null,
    oidc: config.oidc ? { ...config.oidc, redirectPath: '/auth/callback' } : null,
    map: { ...config.map },
  };
}
