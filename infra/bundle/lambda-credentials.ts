import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (see `bundleSettings`). Lambda always
 * hands a function its role's credentials as environment variables, so the SDK's full chain
 * (SSO, profiles, web identity, instance metadata, with their own STS and SSO clients: about
 * 90 KB) is never used there. Same export name and shape as the package it replaces.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
