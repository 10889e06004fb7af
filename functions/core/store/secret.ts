import { randomBytes } from 'node:crypto';
import { getJson, putJson } from './json.js';
import { PreconditionFailedError, type Store } from './store.js';

/**
 * A random secret kept at `key` in the store: read it, or create it once (create-only, so
 * concurrent cold starts agree on one secret). Every instance of a function thus uses the same
 * secret without any setting to manage, and the secret is never in a template, bundle or repository.
 *
 * @example
 * const secret = await loadOrCreateSecret(store, 'feedback/secret.json');
 */
export async function loadOrCreateSecret(store: Store, key: string, random: () => Uint8Array = () => randomBytes(32)): Promise<Uint8Array> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await readSecret(store, key);
    if (found) return found;
    try {
      await putJson(store, key, { secret: Buffer.from(random()).toString('base64url') }, { ifNoneMatch: '*' });
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  throw new Error(`The secret ${key} could not be read or created`);
}

/** The secret at `key`, or `undefined` while none has been created (for functions that only read it). */
export async function readSecret(store: Store, key: string): Promise<Uint8Array | undefined> {
  const found = await getJson<{ secret: string }>(store, key);
  return found ? Buffer.from(found.value.secret, 'base64url') : undefined;
}
