import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { readBody } from '../../core/http/body.js';
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

/** The largest CSV import accepted (bytes): thousands of rows. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

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
    const text = await readBody(c, MAX_CSV_BYTES);
    const { rows, errors } = readServicesCsv(text, staff, (input) => checkServiceInput(ctx, input));
    const fail = (list: typeof errors) =>
      new ProblemError({
        status: 400,
        title: 'Filen har fel och har inte lästs in',
        detail: `${list.length} error(s); nothing was stored.`,
        errors: list.map((e) => ({
          field: `row ${e.row}, column ${e.column}`,
          message: e.message,
          sv: `Rad ${e.row}, kolumn ${e.column}: ${e.sv}`,
        })),
        extensions: { rowErrors: list },
      });
    if (errors.length) throw fail(errors);
    const stamp = stampOf(ctx, staff);
    const ids = ctx.deps.ids ?? (() => crypto.randomUUID());
    let changed: Service[] = [];
    const written = await ctx.repo.update((collection) => {
      const byId = new Map(collection.services.map((s) => [s.id, s]));
      const late: typeof errors = [];
      changed = rows.map(({ row, id, input }) => {
        const { verified: _unused, ...fields } = input;
        const previous = id ? byId.get(id) : undefined;
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
          id: id ?? ids(),
          created: previous?.created ?? stamp,
          updated: stamp,
          ...(previous?.verified ? { verified: previous.verified } : {}),
        } as Service;
      });
      if (late.length) throw fail(late);
      const replaced = new Map(changed.map((s) => [s.id, s]));
      const kept = collection.services.map((s) => replaced.get(s.id) ?? s);
      const added = changed.filter((s) => !byId.has(s.id));
      return { ...collection, services: [...kept, ...added] };
    });
    await ctx.repo.recordHistory(
      written.collection.revision ?? 0,
      changed.map((s) => ({ at: stamp.at, by: staff.sub, action: 'import', kind: 'services', id: s.id, after: s })),
    );
    return c.json({ imported: changed.length, ids: changed.map((s) => s.id) }, 200);
  });
  return app;
}
