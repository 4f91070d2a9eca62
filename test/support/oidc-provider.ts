import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A minimal OpenID provider for the console's production sign-in: discovery, an authorization endpoint that signs
 * the user in at once (no login form) and redirects back with a code, and a token endpoint that hands out the
 * access token only for the right PKCE verifier (S256). What a real provider does between the two is not the
 * console's business; what the console must do — state, PKCE, the code exchange — is checked here.
 */
export class TestOidcProvider {
  private server: Server | null = null;
  private readonly codes = new Map<string, { challenge: string; redirectUri: string; clientId: string }>();
  /** Every token request, and whether its verifier matched the challenge of its code. */
  readonly exchanges: { verified: boolean; method: string }[] = [];
  issuer = '';

  constructor(
    private readonly options: { clientId: string; allowedOrigin: () => string; accessToken: () => Promise<string> },
  ) {}

  async start(): Promise<void> {
    this.server = createServer(
      (request, response) =>
        void this.handle(request, response).catch((error) => this.send(response, 500, { error: String(error) })),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private send(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, {
      'content-type': 'application/json',
      'access-control-allow-origin': this.options.allowedOrigin(),
    });
    response.end(JSON.stringify(body));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return this.send(response, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
      });
    }
    if (url.pathname === '/authorize') {
      const query = url.searchParams;
      if (
        query.get('response_type') !== 'code' ||
        query.get('client_id') !== this.options.clientId ||
        query.get('code_challenge_method') !== 'S256' ||
        !query.get('code_challenge')
      ) {
        return this.send(response, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, {
        challenge: query.get('code_challenge') as string,
        redirectUri: query.get('redirect_uri') as string,
        clientId: query.get('client_id') as string,
      });
      const back = new URL(query.get('redirect_uri') as string);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      response.writeHead(302, { location: back.toString() });
      return void response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let text = '';
      for await (const chunk of request) text += chunk;
      const form = new URLSearchParams(text);
      const grant = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const verified =
        grant !== undefined && createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      this.exchanges.push({ verified, method: 'S256' });
      if (
        !grant ||
        !verified ||
        form.get('redirect_uri') !== grant.redirectUri ||
        form.get('client_id') !== grant.clientId ||
        form.get('grant_type') !== 'authorization_code'
      ) {
        return this.send(response, 400, { error: 'invalid_grant' });
      }
      return this.send(response, 200, {
        access_token: await this.options.accessToken(),
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }
    this.send(response, 404, { error: 'not_found' });
  }
}
