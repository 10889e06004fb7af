import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How a time token checked out. */
export type TokenCheck =
  | { readonly ok: true; readonly ageSeconds: number; /** The token's random part, for the single-use mark. */ readonly nonce: string }
  | { readonly ok: false; readonly reason: 'forged' | 'too-fast' | 'expired' };

/** Limits of a time token. */
export interface TokenLimits {
  /** A post sooner than this after the form was shown is too fast for a person (default 4). */
  readonly minSeconds: number;
  /** A token older than this is expired; the form is shown again with the text kept (default 24 h). */
  readonly maxSeconds: number;
}

/** The default limits of the form's time token. */
export const DEFAULT_TOKEN_LIMITS: TokenLimits = { minSeconds: 4, maxSeconds: 24 * 3600 };

function mac(secret: Uint8Array, formId: string, issuedAt: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${formId}|${issuedAt}|${nonce}`).digest('base64url');
}

/**
 * A signed time token `issuedAt.nonce.HMAC(secret, formId|issuedAt|nonce)` (issuedAt in epoch
 * milliseconds, nonce 16 random bytes). The nonce makes every token unique, so a token can be
 * marked as used (`claimToken`) without anything about the person.
 *
 * @example
 * const token = issueTimeToken(secret, 'tyck-till', clock.now());
 */
export function issueTimeToken(
  secret: Uint8Array,
  formId: string,
  now: Date,
  nonce: string = randomBytes(16).toString('base64url'),
): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${nonce}.${mac(secret, formId, issuedAt, nonce)}`;
}

/**
 * Check a time token: signature first, then its age against `limits`.
 *
 * @example
 * const check = checkTimeToken(secret, 'tyck-till', token, clock.now());
 * if (!check.ok && check.reason === 'too-fast') …
 */
export function checkTimeToken(
  secret: Uint8Array,
  formId: string,
  token: string,
  now: Date,
  limits: TokenLimits = DEFAULT_TOKEN_LIMITS,
): TokenCheck {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'forged' };
  const issuedAt = Number(match[1]);
  const nonce = match[2] ?? '';
  const expected = Buffer.from(mac(secret, formId, issuedAt, nonce));
  const given = Buffer.from(match[3] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const ageSeconds = (now.getTime() - issuedAt) / 1000;
  if (ageSeconds < limits.minSeconds) return { ok: false, reason: 'too-fast' };
  if (ageSeconds > limits.maxSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, ageSeconds, nonce };
}
