import type { Hono } from 'hono';
import { createRemoteJWKSet } from 'jose';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll } from 'vitest';
import { createJwtAuth } from '../../functions/core/auth/auth.js';
import type { AppDeps } from '../../functions/core/deps.js';
import type { KitEnv } from '../../functions/core/http/staff.js';
import { createStaffApp } from '../../functions/staff/app.js';
import { oidcClient } from '../../functions/staff/oidc.js';
import { testKit } from '../support/deps.js';
import { movableClock, type MovableClock } from '../feedback/helpers.js';

/** The app client id of the stand-in for Cognito. */
export const CLIENT_ID = 'kit-test-client';
/** The public origin of the app under test. */
export const ORIGIN = 'https://stod.example.se';

/** What the stand-in puts in the next ID tokens (Cognito's claim names). */
export interface MockClaims {
  groups: string[];
  org?: string;
  name?: string;
  sub: string;
}

/** The staff app against `oauth2-mock-server` on 127.0.0.1 (random port), stopped after the file. */
export interface MockCognito {
  readonly server: OAuth2Server;
  readonly issuer: string;
  readonly claims: MockClaims;
  readonly app: Hono<KitEnv>;
  readonly deps: AppDeps;
  readonly clock: MovableClock;
}

/** Start a stand-in for Cognito and a staff app that signs in against it with real signed tokens. */
export async function mockCognito(): Promise<MockCognito> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  afterAll(() => server.stop());
  const issuer = server.issuer.url!;
  const claims: MockClaims = { groups: ['moderator'], org: '2380', name: 'Anna Andersson', sub: 'cognito-anna' };
  server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    Object.assign(token.payload, {
      sub: claims.sub,
      'cognito:groups': claims.groups,
      ...(claims.org ? { 'custom:org': claims.org } : {}),
      ...(claims.name ? { name: claims.name } : {}),
    });
  });
  const clock = movableClock(new Date().toISOString());
  const kit = await testKit({ area: 'jamtland', clock, publicOrigin: ORIGIN });
  const deps: AppDeps = {
    ...kit.deps,
    auth: createJwtAuth({ issuer, audience: CLIENT_ID, keys: createRemoteJWKSet(new URL(`${issuer}/jwks`)) }),
  };
  const oidc = oidcClient({ issuer, clientId: CLIENT_ID, logoutEndpoint: `${issuer}/logout`, allowHttp: true });
  return { server, issuer, claims, app: createStaffApp(deps, { oidc }), deps, clock };
}

/** A tiny cookie jar: `Set-Cookie` answers in, a `Cookie` header out. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  /** Take the cookies a response sets (a cleared cookie is removed). */
  take(res: Response): this {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = (pair ?? '').split(/=(.*)/s);
      if (!name) continue;
      if (!value || attrs.some((a) => /max-age=0\b/i.test(a.trim()))) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return this;
  }
  /** The value of one cookie. */
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  /** Set one cookie by hand (a forged or replayed one). */
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
  /** The `Cookie` header. */
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
