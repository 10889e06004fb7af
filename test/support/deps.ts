import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createLocalIssuer, type LocalIssuer, type LocalTokenClaims } from '../../functions/core/auth/local-issuer.js';
import { loadConfigFile } from '../../functions/core/config/load.js';
import type { CountyConfig } from '../../functions/core/config/schema.js';
import { fixedClock, type AppDeps, type Clock } from '../../functions/core/deps.js';
import { silentLogger } from '../../functions/core/log.js';
import { FsStore } from '../../functions/core/store/fs-store.js';
import type { Store } from '../../functions/core/store/store.js';

/** The five areas every test of "all areas" iterates. */
export const AREAS = ['vasternorrland', 'jamtland', 'norrbotten', 'ostergotland', 'sjuharad'] as const;

const configs = new Map<string, CountyConfig>();

/** An area's config as shipped in `config/`. */
export function areaConfig(area: string): CountyConfig {
  let config = configs.get(area);
  if (!config) {
    config = loadConfigFile(join('config', `${area}.yaml`));
    configs.set(area, config);
  }
  return config;
}

/** A fresh temporary folder, removed after the test file. */
export async function tempDir(prefix = 'kit-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Test dependencies plus a way to sign real tokens for them. */
export interface TestKit {
  readonly deps: AppDeps;
  readonly issuer: LocalIssuer;
  /** `Authorization` header value for a staff token with these claims. */
  bearer(claims: LocalTokenClaims): Promise<string>;
}

/** Options for `testKit`. */
export interface TestKitOptions {
  readonly area?: string;
  readonly config?: CountyConfig;
  readonly store?: Store;
  readonly clock?: Clock;
  readonly now?: string;
  readonly publicOrigin?: string;
}

/**
 * Dependencies for an app under test: a temporary filesystem store, a fixed clock and a real
 * local issuer whose tokens go through the same verification as on AWS.
 *
 * @example
 * const kit = await testKit({ area: 'jamtland' });
 * const app = createDirectoryApp(kit.deps);
 * await app.request('/api/directory/services', { headers: { authorization: await kit.bearer({ roles: ['admin'] }) } });
 */
export async function testKit(options: TestKitOptions = {}): Promise<TestKit> {
  const clock = options.clock ?? fixedClock(options.now ?? '2026-11-23T10:00:00+01:00');
  const issuer = await createLocalIssuer({ now: () => clock.now() });
  const deps: AppDeps = {
    config: options.config ?? areaConfig(options.area ?? 'jamtland'),
    store: options.store ?? new FsStore(await tempDir('kit-store-')),
    clock,
    auth: issuer.auth,
    log: silentLogger,
    publicOrigin: options.publicOrigin ?? 'http://localhost',
  };
  return { deps, issuer, bearer: async (claims) => `Bearer ${await issuer.sign(claims)}` };
}
