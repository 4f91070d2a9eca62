import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, importSPKI, JWTVerifyGetKey, jwtVerify, KeyLike } from 'jose';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { UnauthenticatedError } from '../http/api-error';
import { gridlineClaimsSchema, Identity, identityFromClaims } from './identity';
import { TokenTimes, tokenTimeProblem } from './token-time-rules';
import { VerifiedTokenCache } from './verified-token-cache';

const ALGORITHMS = ['ES256', 'RS256'];

/**
 * Verifies bearer tokens: signature (keys from a JWKS URL in production, a PEM public key file in development
 * and tests), issuer, audience and expiry; then their times — `iat` required, a lifetime of at most
 * AUTH_MAX_TOKEN_LIFETIME_SECONDS, `iat`/`nbf` no further ahead than AUTH_CLOCK_SKEW_SECONDS (token-time-rules.ts);
 * a `crit` header naming an extension we do not know is refused (RFC 7515 §4.1.11, enforced by jose); then
 * Gridline's own claims. Every failure is one 401 UNAUTHENTICATED with a reason. A token that passed is remembered
 * until its expiry (at most five minutes), so its next requests skip the signature check (VerifiedTokenCache).
 */
@Injectable()
export class TokenVerifier {
  private keyPromise: Promise<KeyLike | JWTVerifyGetKey> | null = null;
  private readonly verified: VerifiedTokenCache;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    this.verified = new VerifiedTokenCache(config.auth);
  }

  private key(): Promise<KeyLike | JWTVerifyGetKey> {
    this.keyPromise ??= this.config.auth.jwksUrl
      ? Promise.resolve(createRemoteJWKSet(new URL(this.config.auth.jwksUrl)))
      : this.readPublicKey(this.config.auth.publicKeyFile as string);
    return this.keyPromise;
  }

  private async readPublicKey(file: string): Promise<KeyLike> {
    const pem = readFileSync(file, 'utf8');
    for (const algorithm of ALGORITHMS) {
      try {
        return await importSPKI(pem, algorithm);
      } catch {
        // try the next algorithm
      }
    }
    throw new Error(`AUTH_PUBLIC_KEY_FILE ${file} holds no EC P-256 or RSA public key`);
  }

  async verify(authorization: string | undefined): Promise<Identity> {
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization ?? '');
    if (!match) throw new UnauthenticatedError('send Authorization: Bearer <token>');
    const nowSeconds = Math.floor(Date.now() / 1000);
    const known = this.verified.get(match[1], nowSeconds);
    if (known) return known;
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1], (await this.key()) as KeyLike, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: this.config.auth.clockSkewSeconds,
      }));
    } catch (error) {
      throw new UnauthenticatedError(`token rejected: ${describe(error)}`);
    }
    const timeProblem = tokenTimeProblem(payload as TokenTimes, nowSeconds, this.config.auth);
    if (timeProblem) throw new UnauthenticatedError(`token rejected: ${timeProblem}`);
    const claims = gridlineClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new UnauthenticatedError(
        `token claims invalid: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const identity = identityFromClaims(claims.data);
    this.verified.remember(match[1], identity, payload as TokenTimes, nowSeconds);
    return identity;
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} ${error.reason}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  // Only an unrecognised `crit` extension reaches here as "not supported": the algorithms are ours to choose.
  if (error instanceof errors.JOSENotSupported) return `unsupported header: ${error.message}`;
  if (error instanceof errors.JOSEError) return error.code;
  return 'malformed';
}
