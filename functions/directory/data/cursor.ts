import * as z from 'zod';
import { badRequest } from '../../core/http/problem.js';

/** An opaque cursor for offset paging over a sorted list. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

/** The offset in a cursor; 400 naming `cursor` (or `name`) when it is malformed. */
export function decodeOffsetCursor(cursor: string | undefined, name = 'cursor'): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new TypeError('bad');
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.o < 1_000_000) return parsed.o;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest([{ field: name, message: 'Malformed cursor', sv: 'Ogiltig markör (cursor)' }], 'The cursor is malformed.');
}

/** One page of `items` from `offset`, with the next cursor when more remain. */
export function pageOf<T>(items: readonly T[], offset: number, limit: number): { items: T[]; nextCursor?: string } {
  const slice = items.slice(offset, offset + limit);
  return offset + limit < items.length ? { items: slice, nextCursor: encodeOffsetCursor(offset + limit) } : { items: slice };
}

/** Query parameters every list shares: `includeRetired`, `cursor`, `limit` (1–100). */
export const listParams = {
  includeRetired: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'A whole number 1–100')
    .transform(Number)
    .pipe(z.number().min(1).max(100))
    .optional(),
};
