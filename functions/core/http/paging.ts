import * as z from 'zod';
import { once } from '../once.js';
import { badRequest, type FieldError, type ProblemError } from './problem.js';

/**
 * The cursors of every paged list: base64url of `{ "l": <listing>, "p": <position> }`. The listing
 * name makes a cursor of one list a clear 400 in another (a foreign cursor) instead of a wrong
 * page; the position is validated by the listing's own schema. Cursors are opaque to clients and
 * carry no secret (an offset, a sort key or a store key the client could list anyway), so they are
 * validated, not signed.
 */
const MAX_CURSOR = 2048;
const envelope = once(() => z.object({ l: z.string(), p: z.unknown() }));

/** The field error of a cursor that is malformed or belongs to another list. */
export function malformedCursorField(field = 'cursor'): FieldError {
  return { field, message: 'Malformed cursor, or one of another list', sv: 'Ogiltig markör (cursor), eller en från en annan lista' };
}

/** The 400 for a cursor that is malformed or belongs to another list, naming the parameter. */
export function malformedCursor(field = 'cursor'): ProblemError {
  return badRequest([malformedCursorField(field)], 'The cursor is malformed or belongs to another list; start again without it.');
}

/** A cursor codec for one listing. */
export interface CursorCodec<P> {
  /** The opaque cursor of `position`. */
  encode(position: P): string;
  /** The position of `cursor` (`undefined` when none was sent); 400 naming `field` when it is malformed or foreign. */
  decode(cursor: string | undefined, field?: string): P | undefined;
  /** Like `decode`, but `false` for a malformed or foreign cursor (for pages, which start over instead of failing). */
  parse(cursor: string | undefined): P | undefined | false;
}

/**
 * The codec of the listing `listing`, whose positions fit `position` (a schema, or a function that
 * builds it on the first cursor read, so that defining a codec at module level costs nothing).
 *
 * @example
 * const events = cursorCodec('calendar-events', z.object({ start: z.string(), id: z.string() }));
 * events.decode(events.encode({ start: '2026-05-01T09:00:00+02:00', id: 'a' })); // the same position
 */
export function cursorCodec<S extends z.ZodType>(listing: string, position: S | (() => S)): CursorCodec<z.output<S>> {
  const positionSchema = typeof position === 'function' ? once(position) : () => position;
  const parse = (cursor: string | undefined): z.output<S> | undefined | false => {
    if (cursor === undefined || cursor === '') return undefined;
    if (cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) return false;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      return false;
    }
    const outer = envelope().safeParse(json);
    if (!outer.success || outer.data.l !== listing) return false;
    const inner = positionSchema().safeParse(outer.data.p);
    return inner.success ? inner.data : false;
  };
  return {
    encode: (p) => Buffer.from(JSON.stringify({ l: listing, p }), 'utf8').toString('base64url'),
    parse,
    decode: (cursor, field = 'cursor') => {
      const found = parse(cursor);
      if (found === false) throw malformedCursor(field);
      return found;
    },
  };
}

/** Positions of offset paging: a whole number below a million. */
export const offsetPosition = once(() => z.number().int().min(0).max(999_999));

/** An offset cursor codec for `listing` (see `cursorCodec`). */
export const offsetCursor = (listing: string): CursorCodec<number> => cursorCodec(listing, offsetPosition);

/** One page of `items` from `offset`, with `nextCursor` when more remain. */
export function pageOf<T>(
  items: readonly T[],
  offset: number,
  limit: number,
  codec: CursorCodec<number>,
): { items: T[]; nextCursor?: string } {
  const slice = items.slice(offset, offset + limit);
  return offset + limit < items.length ? { items: slice, nextCursor: codec.encode(offset + limit) } : { items: slice };
}

/** A `limit` query parameter: a whole number from 1 to `max`. */
export function limitParam(max: number) {
  return z
    .string()
    .regex(new RegExp(`^\\d{1,${String(max).length}}$`), `A whole number 1–${max}`)
    .transform(Number)
    .pipe(z.number().min(1).max(max));
}

/**
 * The query parameters every paged list takes: `cursor` (opaque, checked by the listing's codec)
 * and `limit` (1–`max`). Spread into a route's query schema.
 */
export function listQuery(max: number) {
  return { cursor: cursorParam(), limit: limitParam(max).optional() };
}

/** The `cursor` query parameter (its content is checked by the listing's codec). */
export const cursorParam = once(() => z.string().max(MAX_CURSOR).optional());
