import type { Clock } from '../deps.js';
import { loadOrCreateSecret, readSecret } from '../store/secret.js';
import type { Store } from '../store/store.js';

/**
 * Where the session key lives in the data bucket. Created on the first sign-in by the staff
 * function (the only one that may write it); the service functions only read it. Deleting the
 * object rotates the key: every session ends, nothing else changes.
 */
export const SESSION_KEY = 'staff/session-key.json';

/** How long a warm function trusts its copy of the key before reading it again. */
const KEY_TTL_MS = 5 * 60_000;
/** After a cookie fails to open, read the key again at most this often (a rotation, or a forgery). */
const RELOAD_MIN_MS = 10_000;

/** The area's session key, read from the store and kept for a few minutes. */
export interface SessionKeyring {
  /** The key, creating it when this function may (`undefined`: none yet, so no session can exist). */
  current(): Promise<Uint8Array | undefined>;
  /** Read the key again if the copy is older than a few seconds; `true` if it changed. */
  reload(): Promise<boolean>;
}

const keyrings = new WeakMap<Store, Map<boolean, SessionKeyring>>();

/**
 * The keyring of `store` (one per store and mode, shared by every middleware of a process).
 *
 * @example
 * const key = await sessionKeyring(deps.store, deps.clock, { create: true }).current();
 */
export function sessionKeyring(store: Store, clock: Clock, options: { readonly create?: boolean } = {}): SessionKeyring {
  const create = options.create === true;
  let byMode = keyrings.get(store);
  if (!byMode) keyrings.set(store, (byMode = new Map()));
  const existing = byMode.get(create);
  if (existing) return existing;
  let key: Uint8Array | undefined;
  let readAt = Number.NEGATIVE_INFINITY;
  const read = async () => {
    key = create ? await loadOrCreateSecret(store, SESSION_KEY) : await readSecret(store, SESSION_KEY);
    readAt = clock.now().getTime();
    return key;
  };
  const ring: SessionKeyring = {
    async current() {
      if (key && clock.now().getTime() - readAt < KEY_TTL_MS) return key;
      return read();
    },
    async reload() {
      if (clock.now().getTime() - readAt < RELOAD_MIN_MS) return false;
      const before = key && Buffer.from(key).toString('base64url');
      const after = await read();
      return Boolean(after) && Buffer.from(after!).toString('base64url') !== before;
    },
  };
  byMode.set(create, ring);
  return ring;
}
