import * as z from 'zod';
import { listQuery, offsetCursor } from '../../core/http/paging.js';
import { once } from '../../core/once.js';

/** Offset cursors of the directory's lists: one listing each, so a cursor of one list is a 400 in another. */
export const servicesCursor = offsetCursor('directory-services');
/** See `servicesCursor`. */
export const groupsCursor = offsetCursor('directory-groups');
/** See `servicesCursor`. */
export const agreementsCursor = offsetCursor('directory-agreements');

/** Query parameters every list shares: `includeRetired`, `cursor`, `limit` (1–100). */
export const listParams = once(() => ({
  includeRetired: z.enum(['true', 'false']).optional(),
  ...listQuery(100),
}));
