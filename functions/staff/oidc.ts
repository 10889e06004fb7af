import * as oidc from 'openid-client';

/** Where the area's identity provider is (on AWS: the Cognito user pool and its managed-login domain). */
export interface OidcSettings {
  /** The token issuer, also the discovery base (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
  readonly issuer: string;
  /** The app client id (a public client: PKCE, no secret). */
  readonly clientId: string;
  /** Cognito's logout endpoint (`https://<domain>/logout`), which takes `client_id` and `logout_uri`. */
  readonly logoutEndpoint: string;
  /** Allow plain http to the provider: only for a stand-in on 127.0.0.1 in tests. @default false */
  readonly allowHttp?: boolean;
}

/** What the sign-in keeps between sending a person to the provider and their return. */
export interface SignInChecks {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

/** Tokens of a finished sign-in or refresh. */
export interface SignInTokens {
  readonly idToken: string;
  readonly refreshToken?: string;
}

/** The OpenID Connect client of the staff sign-in (authorization code with PKCE, via `openid-client`). */
export interface OidcClient {
  /** Fresh checks and the provider's authorization URL that carries them. */
  start(redirectUri: string): Promise<{ url: URL; checks: SignInChecks }>;
  /** Exchange the code of `callbackUrl`, checking state, nonce, PKCE, issuer, audience and expiry. */
  finish(callbackUrl: URL, checks: SignInChecks): Promise<SignInTokens>;
  /** A new ID token for a refresh token. */
  refresh(refreshToken: string): Promise<SignInTokens>;
  /** Revoke a refresh token (best effort: a failure is only logged by the caller). */
  revoke(refreshToken: string): Promise<void>;
  /** Where to send the browser to end the provider's own session too. */
  logoutUrl(logoutUri: string): URL;
}

/**
 * An OIDC client for `settings`; the provider's metadata is discovered on first use and kept.
 *
 * @example
 * const client = oidcClient({ issuer, clientId, logoutEndpoint: `${domain}/logout` });
 * const { url, checks } = await client.start('https://stod.example.se/auth/callback');
 */
export function oidcClient(settings: OidcSettings): OidcClient {
  let config: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    config ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        oidc.None(),
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        config = undefined;
        throw error;
      });
    return config;
  };
  const tokens = (r: oidc.TokenEndpointResponse, previousRefresh?: string): SignInTokens => {
    if (!r.id_token) throw new Error('The provider returned no ID token');
    const refreshToken = r.refresh_token ?? previousRefresh;
    return { idToken: r.id_token, ...(refreshToken ? { refreshToken } : {}) };
  };
  return {
    async start(redirectUri) {
      const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: 'S256',
      });
      return { url, checks };
    },
    async finish(callbackUrl, checks) {
      const response = await oidc.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      return tokens(response);
    },
    async refresh(refreshToken) {
      return tokens(await oidc.refreshTokenGrant(await configuration(), refreshToken), refreshToken);
    },
    async revoke(refreshToken) {
      await oidc.tokenRevocation(await configuration(), refreshToken, { token_type_hint: 'refresh_token' });
    },
    logoutUrl(logoutUri) {
      const url = new URL(settings.logoutEndpoint);
      url.searchParams.set('client_id', settings.clientId);
      url.searchParams.set('logout_uri', logoutUri);
      return url;
    },
  };
}
