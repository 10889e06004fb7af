import { randomBytes } from 'node:crypto';
import { loadOrCreateSecret as loadOrCreate } from '../../core/store/secret.js';
import type { Store } from '../../core/store/store.js';

/** Where the service keeps its signing secret (create-only, never replaced). */
export const SECRET_KEY = 'feedback/secret.json';

/**
 * The HMAC secret of the form's time tokens and rate-limit keys, created once in the store
 * (see `core/store/secret.ts`).
 *
 * @example
 * const secret = await loadOrCreateSecret(store);
 */
export function loadOrCreateSecret(store: Store, random: () => Uint8Array = () => randomBytes(32)): Promise<Uint8Array> {
  return loadOrCreate(store, SECRET_KEY, random);
}
