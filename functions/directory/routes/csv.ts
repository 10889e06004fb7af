import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { assertCsvBody, readBytes } from '../../core/http/body.js';
import { ProblemError } from '../../core/http/problem.js';
import { currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { canEditOrg } from '../../core/auth/auth.js';
import { NothingChanged, stampOf } from '../data/editing.js';
import type { Service, ServiceInput, Stamp } from '../model/service.js';
import { CSV_COLUMNS, serviceRow } from '../csv/columns.js';
import { toCsv } from '../../core/csv/index.js';
import { readServicesCsv } from '../csv/import.js';
import { checkServiceInput } from './services.js';

/** The largest CSV import accepted (bytes). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** The most services one import may hold; a larger file is refused whole (413) before anything is read into the store. */
export const MAX_IMPORT_ROWS = 5_000;
/** How many row errors a refused import lists (the count of all is in `errorCount`). */
const MAX_LISTED_ERRORS = 200;

/** Thrown inside a commit whose file equals what is stored: nothing is written. */

/** The fields of a service that have no CSV column; a row keeps them from the stored service. */
const NOT_IN_CSV = ['locations', 'schedules', 'ageNote', 'steward'] as const;

/**
 * The service a valid row makes: its fields, plus what the file cannot hold kept from the stored
 * service (places, opening hours, age note, steward, phone descriptions of unchanged numbers).
 */
function importedService(input: ServiceInput, previous: Service | undefined, id: string, stamp: Stamp): Service {
  const { verified: _unused, ...fields } = input;
  const kept: Partial<Service> = {};
  if (previous) {
    for (const key of NOT_IN_CSV) if (previous[key] !== undefined) Object.assign(kept, { [key]: previous[key] });
    const numbers = (phones: readonly { number: string }[]) => phones.map((p) => p.number).join('\n');
    if (numbers(previous.phones) === numbers(fields.phones)) kept.phones = previous.phones;
  }
  return {
    ...fields,
    ...kept,
    id,
    created: previous?.created ?? stamp,
    updated: stamp,
    ...(previous?.verified ? { verified: previous.verified } : {}),
  } as Service;
}

/** JSON with object keys sorted, so that equal content compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether two versions of a service hold the same content (stamps aside). */
function sameContent(a: Service, b: Service): boolean {
  const content = ({ created: _c, updated: _u, verified: _v, ...rest }: Service) => canonical(rest);
  return content(a) === content(b);
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
    const staff = currentStaff(c);
    assertCsvBody(c);
    // the bytes, so that a file that is not UTF-8 is refused naming its row and column
    const { rows, errors, rowCount } = readServicesCsv(
      await readBytes(c, MAX_CSV_BYTES),
      staff,
      (input) => checkServiceInput(ctx, input),
      MAX_IMPORT_ROWS,
    );
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
    // the services and their history are written in one step: all of the file or nothing; a row
    // equal to the stored service is left alone, and a file that changes nothing writes nothing
    let changedIds: string[] = [];
    try {
      await ctx.repo.commit(stamp, (collection) => {
        const byId = new Map(collection.services.map((s) => [s.id, s]));
        const late: typeof errors = [];
        const changed: Service[] = [];
        for (const { row, input } of rows) {
          const id = newIds.get(row)!;
          const previous = byId.get(id);
          if (previous && !canEditOrg(staff, previous.organizationId))
            late.push({
              row,
              column: 'id',
              message: 'That service belongs to another organisation',
              sv: 'Tjänsten tillhör en annan organisation',
            });
          const next = importedService(input, previous, id, stamp);
          if (!previous || !sameContent(previous, next)) changed.push(next);
        }
        if (late.length) throw fail(late);
        if (!changed.length) throw new NothingChanged();
        changedIds = changed.map((s) => s.id);
        const replaced = new Map(changed.map((s) => [s.id, s]));
        const kept = collection.services.map((s) => replaced.get(s.id) ?? s);
        const added = changed.filter((s) => !byId.has(s.id));
        return {
          collection: { ...collection, services: [...kept, ...added] },
          changes: changed.map((entry) => ({ action: 'import' as const, kind: 'services' as const, entry })),
        };
      });
    } catch (error) {
      if (!(error instanceof NothingChanged)) throw error;
    }
    const importedIds = [...newIds.values()];
    return c.json({ imported: importedIds.length, changed: changedIds.length, ids: importedIds, changedIds }, 200);
  });
  return app;
}
