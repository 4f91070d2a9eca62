/** What the edge tells the console about this deployment (GET /console-config.json). */
export interface ConsoleConfig {
  mode: 'development' | 'production';
  devSignIn: boolean;
  oidc: { issuer: string; clientId: string; scope: string; redirectPath: string } | null;
  map: { tileUrl: string | null; attribution: string | null };
}

let loaded: Promise<ConsoleConfig> | null = null;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch('/console-config.json', { cache: 'no-store' }).then(async (response) => {
    if (!response.ok) throw new Error(`console-config.json: HTTP ${response.status}`);
    return (await response.json()) as ConsoleConfig;
  });
  return loaded;
}
