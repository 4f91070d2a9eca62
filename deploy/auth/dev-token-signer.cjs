// @ts-check
'use strict';
// The one signer of development tokens: `npm run token` and the scripts (dev-tokens.mjs), the edge's
// development sign-in, the integration tests and the bench all sign here, so a token means the same wherever it
// was made. CommonJS on purpose: the ES module CLI can import it, and the compiled TypeScript (CommonJS) and
// Jest can require it — neither can load an ES module on Node 20. TypeScript compiles it into dist/ beside the
// code that requires it (allowJs), and reads its types from the JSDoc below.
const { importPKCS8, SignJWT } = require('jose');

/** The issuer and audience the services expect by default (AUTH_ISSUER, AUTH_AUDIENCE). */
const DEV_ISSUER = 'gridline-dev';
const DEV_AUDIENCE = 'gridline';

/**
 * @typedef {{ readonly role: string, readonly grid?: string }} DevTokenGrant
 *
 * @typedef {object} DevTokenRequest
 * @property {string | import('node:crypto').KeyObject} key The private ES256 (P-256) key: PKCS#8 PEM text or a
 *   KeyObject.
 * @property {string} sub
 * @property {string} [name] Left out of the token when empty.
 * @property {string} [tenant] The district of district and grid roles; left out of the token when empty.
 * @property {ReadonlyArray<DevTokenGrant>} roles Like [{ role: 'leader', grid: '…' }].
 * @property {string | number} expires A timespan from now ('8h', '-1m') or seconds since the epoch.
 * @property {number} [issuedAt] Seconds since the epoch; default now.
 * @property {number} [notBefore] Seconds since the epoch; no `nbf` when left out.
 * @property {string} [issuer] Default DEV_ISSUER.
 * @property {string} [audience] Default DEV_AUDIENCE.
 * @property {ReadonlyArray<string>} [crit] Extension header parameters to mark critical (RFC 7515 `crit`), each
 *   set to true in the header: for tests that a verifier refuses what it does not understand.
 */

/**
 * Signs a Gridline token: header { alg: 'ES256', typ: 'JWT' }, claims roles, name, tenant, iss, aud, sub, iat,
 * exp and nbf when asked.
 * @param {DevTokenRequest} request
 * @returns {Promise<string>}
 */
async function signDevToken(request) {
  const { key, sub, name, tenant, roles, expires, issuedAt, notBefore, crit } = request;
  const signingKey = typeof key === 'string' ? await importPKCS8(key, 'ES256') : key;
  const claims = { roles, ...(name ? { name } : {}), ...(tenant ? { tenant } : {}) };
  const extensions = crit ? Object.fromEntries(crit.map((parameter) => [parameter, true])) : undefined;
  const header = { alg: 'ES256', typ: 'JWT', ...(crit ? { crit: [...crit], ...extensions } : {}) };
  const jwt = new SignJWT(claims)
    .setProtectedHeader(header)
    .setIssuer(request.issuer ?? DEV_ISSUER)
    .setAudience(request.audience ?? DEV_AUDIENCE)
    .setSubject(sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires);
  if (notBefore !== undefined) jwt.setNotBefore(notBefore);
  // jose refuses to sign a `crit` it is not told it recognises; here it is told, since making one is the point.
  return jwt.sign(signingKey, extensions ? { crit: extensions } : {});
}

module.exports = { DEV_ISSUER, DEV_AUDIENCE, signDevToken };
