import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { createJwtAuth, type Auth, type Role } from './auth.js';

/** The audience (app client id) of locally issued tokens. */
export const LOCAL_AUDIENCE = 'county-kit-local';

/** A signing key that stands in for Cognito on a laptop and in tests. */
export interface LocalIssuer {
  readonly issuer: string;
  /** The public key set, as published at `/.well-known/jwks.json`. */
  readonly jwks: JSONWebKeySet;
  /** An `Auth` that verifies this issuer's tokens through the same code as on AWS. */
  readonly auth: Auth;
  /** Sign a staff token. */
  sign(claims: LocalTokenClaims): Promise<string>;
}

/** What a local token says about its holder. */
export interface LocalTokenClaims {
  readonly roles: readonly Role[];
  readonly org?: string;
  readonly sub?: string;
  readonly name?: string;
  /** Lifetime in seconds (default 8 hours). */
  readonly ttlSeconds?: number;
  /** Issue time (default now); for tests of expired tokens. */
  readonly issuedAt?: Date;
}

/** Options for `createLocalIssuer`. */
export interface LocalIssuerOptions {
  readonly issuer?: string;
  /** A private JWK to reuse (so tokens survive restarts); a fresh key is made otherwise. */
  readonly privateJwk?: JWK;
  readonly now?: () => Date;
}

/**
 * Make a local issuer with an ES256 key.
 *
 * @example
 * const issuer = await createLocalIssuer();
 * const token = await issuer.sign({ roles: ['editor'], org: '2380' });
 * await issuer.auth.verify(token); // { sub, roles: ['editor'], org: '2380' }
 */
export async function createLocalIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  const issuer = options.issuer ?? 'urn:county-kit:local-issuer';
  const privateJwk = options.privateJwk ?? (await generatePrivateJwk());
  const kid = privateJwk.kid ?? 'local-1';
  const privateKey = await importJWK({ ...privateJwk, kid }, 'ES256');
  const { d: _d, ...publicJwk } = privateJwk;
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
  return {
    issuer,
    jwks,
    auth: createJwtAuth({ issuer, audience: LOCAL_AUDIENCE, keys: createLocalJWKSet(jwks), now: options.now }),
    async sign(claims) {
      const iat = Math.floor((claims.issuedAt ?? options.now?.() ?? new Date()).getTime() / 1000);
      return new SignJWT({
        'cognito:groups': [...claims.roles],
        ...(claims.org ? { 'custom:org': claims.org } : {}),
        ...(claims.name ? { name: claims.name } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(claims.sub ?? `local-${claims.roles.join('-')}-${claims.org ?? 'area'}`)
        .setIssuedAt(iat)
        .setExpirationTime(iat + (claims.ttlSeconds ?? 8 * 3600))
        .sign(privateKey);
    },
  };
}

/** Load the local issuer's key from `file`, creating it (readable by the owner only) on first use. */
export async function loadOrCreateLocalIssuer(file: string, issuer?: string): Promise<LocalIssuer> {
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    privateJwk = await generatePrivateJwk();
    await mkdir(dirname(file), { recursive: true });
    try {
      await writeFile(file, JSON.stringify(privateJwk), { mode: 0o600, flag: 'wx' });
    } catch (raced) {
      if ((raced as { code?: string }).code !== 'EEXIST') throw raced;
      privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
    }
  }
  return createLocalIssuer({ privateJwk, issuer });
}

async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: 'ES256', kid: `local-${Date.now().toString(36)}` };
}
