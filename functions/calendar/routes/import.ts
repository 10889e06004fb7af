import { Hono } from 'hono';
import { fieldErrors, readBody } from '../../core/http/body.js';
import { ProblemError } from '../../core/http/problem.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { parseSemicolonCsv } from '../csv/parse.js';
import { columnOf, PROGRAMME_COLUMNS, rowToInput, type CellError } from '../csv/programme.js';
import { newEvents, storeNewEvents } from '../data/event-service.js';
import { eventInputSchema, type CalendarEvent } from '../model/event.js';

const invalid = (errors: CellError[]) =>
  new ProblemError({
    status: 400,
    title: 'Filen innehåller fel',
    detail: 'Nothing was imported. Fix the listed rows and columns and send the whole file again.',
    errors,
  });

/** `POST /api/calendar/import`: a term's programme as semicolon CSV (UTF-8, BOM allowed); all rows or none. */
export function importRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.post('/import', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? ''))
      throw new ProblemError({ status: 415, title: 'Fel innehållstyp', detail: 'Send the file as text/csv.' });
    const rows = parseSemicolonCsv(await readBody(c, 1024 * 1024));
    const headers = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const missing = PROGRAMME_COLUMNS.filter((col) => col.required && !headers.includes(col.header));
    if (!rows.length || missing.length)
      throw invalid(
        missing.map((col) => ({ row: 1, column: col.header, field: col.header, message: 'Missing column', sv: 'Kolumnen saknas' })),
      );
    if (rows.length > 501) throw invalid([{ row: 502, column: '', field: '(body)', message: 'At most 500 rows', sv: 'Högst 500 rader' }]);
    const errors: CellError[] = [];
    const events: CalendarEvent[] = [];
    rows.slice(1).forEach((cells, i) => {
      const row = i + 2;
      const parsed = eventInputSchema.safeParse(rowToInput(headers, cells));
      if (!parsed.success) {
        for (const e of fieldErrors(parsed.error.issues)) errors.push({ ...e, row, column: columnOf(e.field) });
        return;
      }
      try {
        events.push(...newEvents(ctx, c.get('staff')!, parsed.data));
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        for (const e of error.problem.errors ?? [{ field: '(row)', message: error.problem.detail ?? error.problem.title }])
          errors.push({ ...e, row, column: columnOf(e.field === 'organization' ? 'organizer' : e.field) });
      }
    });
    if (errors.length) throw invalid(errors);
    await storeNewEvents(ctx, events);
    return c.json({ imported: events.length, ids: events.map((e) => e.id) }, 201);
  });
  return app;
}
