import { createHmac, randomUUID } from 'node:crypto';
import { PreconditionFailedError, type Store } from '../../core/store/store.js';
import { RATE_PREFIX } from './rate-limit.js';

/**
 * Where used form tokens are marked: under the rate-limit prefix, whose lifecycle rule removes
 * objects after a day, longer than a token is valid (`TokenLimits.maxSeconds`, at most a day).
 */
export const USED_TOKEN_PREFIX = `${RATE_PREFIX}used/`;

/** The mark of one token: an HMAC of its random nonce, so the key says nothing about anyone. */
export function usedTokenKey(secret: Uint8Array, nonce: string): string {
  return `${USED_TOKEN_PREFIX}${createHmac('sha256', secret).update(`used|${nonce}`).digest('hex').slice(0, 40)}`;
}

/**
 * Mark a token as used. The mark is a create-only object, so of any number of concurrent
 * posts of one token exactly one gets `true`; every later post gets `false`.
 *
 * @example
 * if (!(await claimToken(store, secret, check.nonce))) return alreadySent();
 */
export async function claimToken(store: Store, secret: Uint8Array, nonce: string): Promise<boolean> {
  try {
    // a body of its own, so a retried claim whose first attempt landed unheard is known as this
    // claim (the S3 client compares the stored bytes) rather than refused as another's
    await store.put(usedTokenKey(secret, nonce), randomUUID(), { ifNoneMatch: '*' });
    return true;
  } catch (error) {
    if (error instanceof PreconditionFailedError) return false;
    throw error;
  }
}

/** Give a token back when what it was claimed for could not be stored, so the person may send again. */
export async function releaseToken(store: Store, secret: Uint8Array, nonce: string): Promise<void> {
  await store.delete(usedTokenKey(secret, nonce));
}
