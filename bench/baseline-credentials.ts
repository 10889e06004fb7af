import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Bundled in place of `@aws-sdk/credential-provider-node` in the benchmark's baseline (bare Hono +
 * the AWS SDK's S3 client), as the functions were bundled while they carried the SDK: Lambda hands
 * a function its credentials as environment variables, so the SDK's full chain (SSO, profiles,
 * web identity, instance metadata: about 130 KB) is left out and the baseline stays the smallest
 * S3-capable function the SDK allows. Same export name and shape as the package it replaces.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
