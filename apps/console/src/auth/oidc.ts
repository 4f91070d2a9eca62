import type { ConsoleConfig } from './console-config';

/**
 * OpenID Connect, authorization code flow with PKCE (RFC 7636), for production. The console is a public client:
 * no secret; the verifier and state live in sessionStorage only for the round trip to the identity provider.
 */
type Oidc = NonNullable<ConsoleConfig['oidc']>;

const flowKey = 'gridline.console.oidc-flow';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery failed: HTTP ${response.status}`);
  return (await response.json()) as Discovery;
}

function randomText(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

const redirectUri = (oidc: Oidc) => `${location.origin}${oidc.redirectPath}`;

/** Sends the browser to the identity provider. */
export async function beginOidcSignIn(oidc: Oidc, returnTo: string): Promise<void> {
  const discovery = await discover(oidc.issuer);
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(flowKey, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(oidc),
    scope: oidc.scope,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Completes the flow on the callback page: checks the state, trades the code for tokens. Returns the access token. */
export async function completeOidcSignIn(
  oidc: Oidc,
  callbackUrl: URL,
): Promise<{ accessToken: string; returnTo: string }> {
  const flow = JSON.parse(sessionStorage.getItem(flowKey) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(flowKey);
  const error = callbackUrl.searchParams.get('error');
  if (error) throw new Error(`${error}: ${callbackUrl.searchParams.get('error_description') ?? ''}`);
  const code = callbackUrl.searchParams.get('code');
  if (!flow || !code || callbackUrl.searchParams.get('state') !== flow.state)
    throw new Error('the sign-in answer does not match a sign-in this tab started');
  const discovery = await discover(oidc.issuer);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(oidc),
      client_id: oidc.clientId,
      code_verifier: flow.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token exchange failed: HTTP ${response.status}`);
  const tokens = (await response.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error('the identity provider returned no access token');
  return { accessToken: tokens.access_token, returnTo: flow.returnTo };
}
