import { readFileSync } from 'node:fs';
import type { CountyConfig } from '../core/config/schema.js';
import { lambdaHandler, settingsFromEnv } from '../core/lambda.js';
import { createDirectoryApp } from './app.js';

declare const __COUNTY_CONFIG__: string;

/**
 * The area's config with its directory seed, which the stack ships as `seed.json` beside this
 * bundle instead of inlining it (`withSeed` in infra/bundling.ts). Read once, when the app is
 * built; a missing file is a deployment fault and fails the invocation loudly rather than seeding
 * an empty directory.
 */
function withBundledSeed(config: CountyConfig): CountyConfig {
  const seed = JSON.parse(readFileSync(new URL('./seed.json', import.meta.url), 'utf8')) as CountyConfig['directory']['seed'];
  return { ...config, directory: { ...config.directory, seed } };
}

/** The Lambda entry of the directory service: the only place its real dependencies are wired. */
export const handler = lambdaHandler(
  'directory',
  (deps) => createDirectoryApp({ ...deps, config: withBundledSeed(deps.config) }),
  settingsFromEnv(__COUNTY_CONFIG__),
);
