import { randomBytes } from 'node:crypto';
import { getJson, putJson } from '../../core/store/json.js';
import { PreconditionFailedError, type Store } from '../../core/store/store.js';

/** Where the service keeps its signing secret (create-only, never replaced). */
export const SECRET_KEY = 'feedback/secret.json';

/**
 * The HMAC secret of the form's time tokens and rate-limit keys: read from the store, or created
 * once (create-only, so concurrent cold starts agree on one secret). Every instance of the function
 * thus signs and checks with the same secret without any setting to manage.
 *
 * @example
 * const secret = await loadOrCreateSecret(store);
 */
export async function loadOrCreateSecret(store: Store, random: () => Uint8Array = () => randomBytes(32)): Promise<Uint8Array> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await getJson<{ secret: string }>(store, SECRET_KEY);
    if (found) return Buffer.from(found.value.secret, 'base64url');
    try {
      await putJson(store, SECRET_KEY, { secret: Buffer.from(random()).toString('base64url') }, { ifNoneMatch: '*' });
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  throw new Error('The feedback secret could not be read or created');
}
