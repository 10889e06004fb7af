import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRAMME_COLUMNS } from '../../functions/calendar/csv/programme.js';
import { PENDING_PREFIX, STALE_PENDING_MS, WRITE_CONCURRENCY } from '../../functions/calendar/data/new-events.js';
import { putEvent } from '../../functions/calendar/data/events.js';
import { COLLECTION_KEY, type Collection } from '../../functions/calendar/data/collection.js';
import { calendarHousekeeping } from '../../functions/calendar/housekeeping.js';
import { IMPORT_ROW_LIMIT } from '../../functions/calendar/routes/import.js';
import { getJson, putJson } from '../../functions/core/store/json.js';
import { StoreUnavailableError, type GetOptions, type ListOptions, type PutOptions, type Store } from '../../functions/core/store/store.js';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { tempDir } from '../support/deps.js';
import { calendarKit, NOW } from './helpers.js';

const HEADER = 'titel;ämne;arrangör;start;slut;plats;länk;platser;sista anmälningsdag';
const row = (n: number, over: { place?: string; link?: string } = {}) =>
  [
    `Kurs ${n}`,
    'mi',
    '0512',
    '2026-04-14 09:00',
    '2026-04-14 16:00',
    over.place ?? 'Kommunhuset',
    over.link ?? '',
    '25',
    '2026-04-01 12:00',
  ].join(';');
const file = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => row(i + 1))].join('\n');

/** A store that fails chosen writes and records how many deletes ran at once. */
class FaultyStore implements Store {
  puts = 0;
  inFlightDeletes = 0;
  maxInFlightDeletes = 0;
  inFlightPuts = 0;
  maxInFlightPuts = 0;
  constructor(
    private readonly inner: Store,
    private readonly failPut: (key: string, n: number) => boolean,
  ) {}
  inFlightGets = 0;
  maxInFlightGets = 0;
  async get(key: string, options?: GetOptions) {
    this.maxInFlightGets = Math.max(this.maxInFlightGets, ++this.inFlightGets);
    try {
      await new Promise((r) => setTimeout(r, 1));
      return await this.inner.get(key, options);
    } finally {
      this.inFlightGets--;
    }
  }
  async put(key: string, body: Uint8Array | string, options?: PutOptions) {
    const n = ++this.puts;
    this.maxInFlightPuts = Math.max(this.maxInFlightPuts, ++this.inFlightPuts);
    try {
      await new Promise((r) => setTimeout(r, 1));
      if (this.failPut(key, n)) throw new StoreUnavailableError(`refused ${key}`);
      return await this.inner.put(key, body, options);
    } finally {
      this.inFlightPuts--;
    }
  }
  list(prefix: string, options?: ListOptions) {
    return this.inner.list(prefix, options);
  }
  async delete(key: string) {
    this.maxInFlightDeletes = Math.max(this.maxInFlightDeletes, ++this.inFlightDeletes);
    try {
      await new Promise((r) => setTimeout(r, 1));
      return await this.inner.delete(key);
    } finally {
      this.inFlightDeletes--;
    }
  }
}

const post = (app: Awaited<ReturnType<typeof calendarKit>>['app'], auth: string, text: string) =>
  app.request('/api/calendar/import', { method: 'POST', headers: { 'content-type': 'text/csv', authorization: auth }, body: text });

async function left(store: Store) {
  const keys = async (prefix: string) => (await store.list(prefix)).items.map((i) => i.key);
  const found = await getJson<Collection>(store, COLLECTION_KEY);
  const summaries = found ? Object.keys(found.value.summaries) : [];
  const published = found ? Object.keys(found.value.events) : [];
  expect(published.sort()).toEqual([...summaries].sort());
  return { events: await keys('calendar/events/'), pending: await keys(PENDING_PREFIX), summaries };
}

describe('CSV import limits and all-or-nothing', () => {
  it(`refuses more than ${IMPORT_ROW_LIMIT} rows whole with 413 naming the limit, storing nothing`, async () => {
    const { app, editor, kit } = await calendarKit();
    const res = await post(app, editor, file(IMPORT_ROW_LIMIT + 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { title: string; limit: number; rows: number; errors: { sv?: string }[] };
    expect(body).toMatchObject({ limit: IMPORT_ROW_LIMIT, rows: IMPORT_ROW_LIMIT + 1 });
    expect(body.title).toContain(String(IMPORT_ROW_LIMIT));
    expect(body.errors[0]!.sv).toContain(String(IMPORT_ROW_LIMIT));
    expect(await left(kit.deps.store)).toEqual({ events: [], pending: [], summaries: [] });
  });

  it(`stores exactly ${IMPORT_ROW_LIMIT} rows, writing at most ${WRITE_CONCURRENCY} at once`, async () => {
    const store = new FaultyStore(new FsStore(await tempDir('cal-import-')), () => false);
    const { app, editor } = await calendarKit({ store });
    const res = await post(app, editor, file(IMPORT_ROW_LIMIT));
    expect(res.status).toBe(201);
    expect(store.maxInFlightPuts).toBeLessThanOrEqual(WRITE_CONCURRENCY);
    const after = await left(store);
    expect(after.events).toHaveLength(IMPORT_ROW_LIMIT);
    expect(after.summaries).toHaveLength(IMPORT_ROW_LIMIT);
    expect(after.pending).toEqual([]);
  }, 60_000);

  it('reads one object for a feed or a page, whatever the number of trainings', async () => {
    const store = new FaultyStore(new FsStore(await tempDir('cal-import-')), () => false);
    const { app, editor } = await calendarKit({ store });
    expect((await post(app, editor, file(200))).status).toBe(201);
    for (const path of ['/utbildningar/kalender.ics', '/utbildningar', '/api/calendar/events', '/utbildningar/arshjul?year=2026']) {
      store.maxInFlightGets = 0;
      expect((await app.request(path)).status, path).toBe(200);
      // One collection object, whatever the number of trainings.
      expect(store.maxInFlightGets, path).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('leaves nothing behind when a write fails half-way, and removes with bounded concurrency', async () => {
    const store = new FaultyStore(new FsStore(await tempDir('cal-import-')), (key, n) => key.startsWith('calendar/events/') && n === 150);
    const { app, editor } = await calendarKit({ store });
    const res = await post(app, editor, file(300));
    expect(res.status).toBe(503);
    expect(await left(store)).toEqual({ events: [], pending: [], summaries: [] });
    expect(store.maxInFlightDeletes).toBeLessThanOrEqual(WRITE_CONCURRENCY);
  }, 60_000);

  it('leaves no training behind when the collection cannot be written', async () => {
    const store = new FaultyStore(new FsStore(await tempDir('cal-import-')), (key) => key === COLLECTION_KEY);
    const { app, editor } = await calendarKit({ store });
    const res = await post(app, editor, file(20));
    expect(res.status).toBe(503);
    expect(await left(store)).toEqual({ events: [], pending: [], summaries: [] });
  });

  it('removes the trainings of a write that died half-way once its note is stale', async () => {
    const { kit, create } = await calendarKit({ now: new Date(Date.parse(NOW) + STALE_PENDING_MS + 60_000).toISOString() });
    const { store } = kit.deps;
    // A note and one of its two trainings, as a write that died after the first object leaves them.
    await putJson(store, `${PENDING_PREFIX}w1.json`, { ids: ['dead-1', 'dead-2'], startedAt: new Date(NOW).toISOString() });
    await putEvent(store, {
      id: 'dead-1',
      title: 'Halv',
      description: '',
      topic: 'mi',
      organizer: '0512',
      audienceOrgs: [],
      audienceRoles: [],
      start: '2026-04-14T09:00:00+02:00',
      end: '2026-04-14T16:00:00+02:00',
      location: { place: 'X' },
      language: 'sv',
      capacity: 5,
      registrationDeadline: '2026-04-01T12:00:00+02:00',
      status: 'scheduled',
      sequence: 0,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const fresh = await create({ start: '2026-09-10T09:00', end: '2026-09-10T16:00', registrationDeadline: '2026-09-01T12:00' });
    // A later write leaves it; the scheduled housekeeping sweeps it.
    expect((await left(store)).pending).toHaveLength(1);
    expect((await calendarHousekeeping(kit.deps)).swept).toBe(1);
    const after = await left(store);
    expect(after.events).toEqual([`calendar/events/${fresh.id}.json`]);
    expect(after.pending).toEqual([]);
  });
});

describe('CSV import errors', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '',
      'mi',
      '0512',
      '0513',
      'region',
      '2026-04-14 09:00',
      '2026-13-40 25:00',
      '-1',
      '0',
      '99999',
      'https://x.se',
      'http://x.se',
      'xx',
    ),
  );
  const headers = PROGRAMME_COLUMNS.map((c) => c.header);

  it('names row and column of every error in Swedish and English, and stores nothing', async () => {
    const { app, editor, kit } = await calendarKit();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), { minLength: 1, maxLength: 4 }),
        async (rows) => {
          const text = [headers.join(';'), ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';'))].join('\n');
          const res = await post(app, editor, text);
          if (res.status === 201) return;
          expect(res.status).toBe(400);
          const body = (await res.json()) as { errors: { row: number; column: string; message: string; sv?: string }[] };
          for (const e of body.errors) {
            expect(e.sv, JSON.stringify(e)).toBeTruthy();
            expect(e.message).toBeTruthy();
            expect(headers).toContain(e.column);
            expect(e.row).toBeGreaterThanOrEqual(2);
          }
          expect((await kit.deps.store.list('calendar/events/')).items).toHaveLength(0);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('needs a place or a link in every row, as the documentation says', async () => {
    const { app, editor } = await calendarKit();
    const none = await post(app, editor, `${HEADER}\n${row(1, { place: '' })}\n`);
    expect(none.status).toBe(400);
    expect(((await none.json()) as { errors: unknown[] }).errors).toMatchObject([
      { row: 2, column: 'plats', sv: expect.stringContaining('länk') },
    ]);
    expect((await post(app, editor, `${HEADER}\n${row(1, { place: '', link: 'https://möte.example.se/a' })}\n`)).status).toBe(201);
    const noColumns = await post(
      app,
      editor,
      'titel;ämne;arrangör;start;slut;platser;sista anmälningsdag\nA;mi;0512;2026-04-14 09:00;2026-04-14 16:00;5;2026-04-01 12:00\n',
    );
    expect(((await noColumns.json()) as { errors: unknown[] }).errors).toMatchObject([{ row: 1, column: 'plats' }]);
  });

  it('documents every column with the rule the import applies', () => {
    const docs = readFileSync('docs/calendar.md', 'utf8');
    const table = new Map([...docs.matchAll(/^\| `([^`]+)`\s*\| ([^|]+?)\s*\|/gm)].map((m) => [m[1]!, m[2]!.trim()] as const));
    for (const col of PROGRAMME_COLUMNS) {
      const rule = col.header === 'plats' || col.header === 'länk' ? '`plats` or `länk`' : col.required ? 'yes' : 'no';
      expect(table.get(col.header), col.header).toBe(rule);
    }
    expect(docs).toContain(`At most ${IMPORT_ROW_LIMIT} trainings`);
  });
});
