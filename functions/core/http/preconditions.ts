import type { Context } from 'hono';
import { badRequest, preconditionFailed, preconditionRequired, ProblemError } from './problem.js';

/** One entity tag of an `If-Match` list: its opaque part with the quotes, and whether it was sent weak. */
export interface EntityTag {
  readonly tag: string;
  readonly weak: boolean;
}

/** A parsed `If-Match`: `*` (any current version) or a list of entity tags. */
export type IfMatch = { readonly any: true } | { readonly any: false; readonly tags: readonly EntityTag[] };

// RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text
const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

/**
 * Parse an `If-Match` value (`*`, or a comma-separated list of entity tags); a 400 naming the
 * header for anything else (an unquoted tag, an empty list, `*` inside a list).
 *
 * @example
 * parseIfMatch('"a", W/"b"'); // { any: false, tags: [{ tag: '"a"', weak: false }, { tag: '"b"', weak: true }] }
 */
export function parseIfMatch(value: string): IfMatch {
  const trimmed = value.trim();
  if (trimmed === '*') return { any: true };
  const parts = trimmed.split(',').map((p) => p.trim());
  const tags = parts.filter((p) => p !== '').map((p) => ENTITY_TAG.exec(p));
  if (tags.length === 0 || tags.some((m) => m === null)) throw malformedIfMatch();
  return {
    any: false,
    tags: tags.map((m) => ({ tag: (m as RegExpExecArray)[2] as string, weak: (m as RegExpExecArray)[1] !== undefined })),
  };
}

/**
 * Whether `ifMatch` holds for the current version `currentEtag` (`undefined`: no current
 * version), by the strong comparison RFC 9110 §13.1.1 requires for `If-Match`: `*` matches any
 * current version; a listed tag matches only when neither it nor the current tag is weak and
 * they are the same. A weak `W/"…"` tag therefore never matches, even when its opaque part is
 * the current one: a weak validator does not promise the same bytes, so a write over it could
 * lose a change. `same` compares two strong tags (default: equal), for a service whose served
 * ETag carries more than the stored version.
 *
 * @example
 * etagMatches('"v1"', '"v1"'); // true
 * etagMatches('W/"v1"', '"v1"'); // false
 */
export function etagMatches(
  ifMatch: string | IfMatch,
  currentEtag: string | undefined,
  same: (tag: string, current: string) => boolean = (tag, current) => tag === current,
): boolean {
  const parsed = typeof ifMatch === 'string' ? parseIfMatch(ifMatch) : ifMatch;
  if (currentEtag === undefined || currentEtag.startsWith('W/')) return false;
  return parsed.any || parsed.tags.some((t) => !t.weak && same(t.tag, currentEtag));
}

/**
 * The `If-Match` of a write to an existing resource: 428 when it is missing or blank, 400 when it
 * is malformed; otherwise the value as sent.
 */
export function requireIfMatch(source: Context | string | undefined): string {
  const value = typeof source === 'object' ? source.req.header('if-match') : source;
  if (value === undefined || value.trim() === '') throw preconditionRequired();
  parseIfMatch(value);
  return value;
}

/** Options of `assertIfMatch`. */
export interface AssertIfMatchOptions {
  /** The current resource, sent back in the 412 so the client can redo its change. */
  readonly current?: unknown;
  /** See `etagMatches`. */
  readonly same?: (tag: string, current: string) => boolean;
}

/**
 * 412 unless `ifMatch` holds for `currentEtag` (see `etagMatches`); the problem carries the
 * current ETag, and says so when the only reason is that the tags were sent weak.
 */
export function assertIfMatch(ifMatch: string, currentEtag: string | undefined, options: AssertIfMatchOptions = {}): void {
  const parsed = parseIfMatch(ifMatch);
  if (etagMatches(parsed, currentEtag, options.same)) return;
  const failed = preconditionFailed(currentEtag, options.current);
  const weakOnly =
    currentEtag !== undefined &&
    !parsed.any &&
    parsed.tags.some((t) => t.weak && (options.same ?? ((a, b) => a === b))(t.tag, currentEtag));
  if (!weakOnly) throw failed;
  throw new ProblemError({
    ...failed.problem,
    title: 'If-Match kräver den exakta ETag-versionen',
    detail: 'If-Match uses the strong comparison (RFC 9110 §13.1.1): a weak ETag (W/"…") never matches. Send the ETag exactly as received.',
    errors: [{ field: 'If-Match', message: 'Weak ETag', sv: 'Svag ETag (W/) godtas inte' }],
  });
}

function malformedIfMatch(): ProblemError {
  return badRequest([
    {
      field: 'If-Match',
      message: 'Not "*" or a list of quoted ETags',
      sv: 'Inte "*" eller en lista av ETaggar inom citattecken',
    },
  ]);
}
