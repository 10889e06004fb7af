import { Hono } from 'hono';
import { assertCsvBody, readBytes } from '../../core/http/body.js';
import { ProblemError } from '../../core/http/problem.js';
import { currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { checkProgramme, IMPORT_MAX_BYTES } from '../csv/check.js';
import type { CellError } from '../csv/programme.js';
import { storeNewEvents } from '../data/new-events.js';

export { IMPORT_MAX_BYTES, IMPORT_ROW_LIMIT } from '../csv/check.js';

const invalid = (errors: readonly CellError[]) =>
  new ProblemError({
    status: 400,
    title: 'Filen innehåller fel',
    detail: 'Nothing was imported. Fix the listed rows and columns and send the whole file again.',
    errors,
  });

/**
 * `POST /api/calendar/import`: a term's programme as semicolon CSV (UTF-8, BOM allowed). The row
 * limit is checked before any row is read further; every row is validated before anything is
 * stored (`checkProgramme`); then all are stored or none (see `storeNewEvents`).
 */
export function importRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.post('/', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    assertCsvBody(c);
    // the bytes, so that a file that is not UTF-8 is refused naming its row and column
    const checked = checkProgramme(ctx, currentStaff(c), await readBytes(c, IMPORT_MAX_BYTES));
    if (checked.errors.length) throw invalid(checked.errors);
    await storeNewEvents(ctx, checked.events);
    return c.json({ imported: checked.events.length, ids: checked.events.map((e) => e.id) }, 201);
  });
  return app;
}
