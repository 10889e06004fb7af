import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { readBytes } from '../../core/http/body.js';
import { ProblemError } from '../../core/http/problem.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { canEditOrg } from '../../core/auth/auth.js';
import { stampOf } from '../data/editing.js';
import type { Service } from '../model/service.js';
import { CSV_COLUMNS, serviceRow } from '../csv/columns.js';
import { toCsv } from '../csv/format.js';
import { readServicesCsv } from '../csv/import.js';
import { checkServiceInput } from './services.js';

/** The largest CSV import accepted (bytes). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** The most services one import may hold; a larger file is refused whole (413) before anything is read into the store. */
export const MAX_IMPORT_ROWS = 5_000;
/** How many row errors a refused import lists (the count of all is in `errorCount`). */
const MAX_LISTED_ERRORS = 200;

/**
 * The text of an uploaded file, or 400 naming the first line that is not UTF-8 (Excel's plain
 * "CSV" is Windows-1252, where å, ä and ö would otherwise turn into replacement characters).
 */
function utf8Only(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    throw new ProblemError({
      status: 400,
      title: 'Filen är inte sparad som UTF-8',
      detail: `Line ${line} is not UTF-8. Save the file as "CSV UTF-8" and import it again; nothing was stored.`,
      errors: [
        {
          field: `line ${line}`,
          message: 'Not UTF-8 (save as "CSV UTF-8")',
          sv: `Rad ${line} är inte UTF-8. Spara filen som "CSV UTF-8 (kommaavgränsad)" i Excel och läs in den igen.`,
        },
      ],
    });
  }
}

/** `/api/directory/services.csv`: export for Excel (GET) and all-or-nothing import (POST, staff). */
export function csvRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();

  app.get('/services.csv', async (c) => {
    const { collection } = await ctx.load();
    const services = [...collection.services].filter((s) => s.status !== 'retired').sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const body = toCsv([CSV_COLUMNS.map((col) => col.header), ...services.map(serviceRow)]);
    const res = cachedResponse(c, body, { contentType: 'text/csv; charset=utf-8' });
    res.headers.set('Content-Disposition', `attachment; filename="hitta-stod-${ctx.deps.config.id}.csv"`);
    return res;
  });

  app.post('/services.csv', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const staff = c.get('staff')!;
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/(csv|plain)\b/i.test(type))
      throw new ProblemError({
        status: 415,
        title: 'Fel innehållstyp',
        detail: 'Send the file as text/csv.',
        errors: [{ field: 'Content-Type', message: 'Expected text/csv' }],
      });
    const text = utf8Only(await readBytes(c, MAX_CSV_BYTES));
    const { rows, errors, rowCount } = readServicesCsv(text, staff, (input) => checkServiceInput(ctx, input), MAX_IMPORT_ROWS);
    if (rowCount > MAX_IMPORT_ROWS)
      throw new ProblemError({
        status: 413,
        title: `Filen har för många rader: högst ${MAX_IMPORT_ROWS} tjänster per import`,
        detail: `The file has ${rowCount} rows; at most ${MAX_IMPORT_ROWS} services can be imported at once. Nothing was stored; split the file.`,
        errors: [
          {
            field: '(body)',
            message: `At most ${MAX_IMPORT_ROWS} rows`,
            sv: `Högst ${MAX_IMPORT_ROWS} rader per fil (filen har ${rowCount})`,
          },
        ],
        extensions: { maxRows: MAX_IMPORT_ROWS, rows: rowCount },
      });
    const fail = (all: typeof errors) => {
      const list = all.slice(0, MAX_LISTED_ERRORS);
      return new ProblemError({
        status: 400,
        title: 'Filen har fel och har inte lästs in',
        detail: `${all.length} error(s)${all.length > list.length ? `, the first ${list.length} listed` : ''}; nothing was stored.`,
        errors: list.map((e) => ({
          field: `row ${e.row}, column ${e.column}`,
          message: e.message,
          sv: `Rad ${e.row}, kolumn ${e.column}: ${e.sv}`,
        })),
        extensions: { rowErrors: list, errorCount: all.length },
      });
    };
    if (errors.length) throw fail(errors);
    const stamp = stampOf(ctx, staff);
    const ids = ctx.deps.ids ?? (() => crypto.randomUUID());
    const newIds = new Map(rows.map(({ row, id }) => [row, id ?? ids()]));
    // the services and their history are written in one step: all of the file or nothing
    await ctx.repo.commit(stamp, (collection) => {
      const byId = new Map(collection.services.map((s) => [s.id, s]));
      const late: typeof errors = [];
      const changed = rows.map(({ row, input }) => {
        const { verified: _unused, ...fields } = input;
        const id = newIds.get(row)!;
        const previous = byId.get(id);
        if (previous && !canEditOrg(staff, previous.organizationId))
          late.push({
            row,
            column: 'id',
            message: 'That service belongs to another organisation',
            sv: 'Tjänsten tillhör en annan organisation',
          });
        return {
          ...fields,
          ...(previous ? { locations: previous.locations, schedules: previous.schedules } : {}),
          id,
          created: previous?.created ?? stamp,
          updated: stamp,
          ...(previous?.verified ? { verified: previous.verified } : {}),
        } as Service;
      });
      if (late.length) throw fail(late);
      const replaced = new Map(changed.map((s) => [s.id, s]));
      const kept = collection.services.map((s) => replaced.get(s.id) ?? s);
      const added = changed.filter((s) => !byId.has(s.id));
      return {
        collection: { ...collection, services: [...kept, ...added] },
        changes: changed.map((entry) => ({ action: 'import' as const, kind: 'services' as const, entry })),
      };
    });
    const importedIds = [...newIds.values()];
    return c.json({ imported: importedIds.length, ids: importedIds }, 200);
  });
  return app;
}
