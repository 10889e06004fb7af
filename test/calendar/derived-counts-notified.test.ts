import { describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { COLLECTION_KEY } from '../../functions/calendar/data/collection.js';
import { LEDGER_PREFIX } from '../../functions/calendar/data/counts-sync.js';
import { ledgerKey } from '../../functions/calendar/data/ledger-counts.js';
import { calendarLedgerWrites } from '../../functions/calendar/housekeeping.js';
import type { Logger } from '../../functions/core/log.js';
import type { Store } from '../../functions/core/store/store.js';
import { calendarKit } from './helpers.js';

/** A store that records every call: `get key`, `put key (conditional)`, `list prefix`, `delete key`. */
function recording(inner: Store) {
  const calls: string[] = [];
  const store: Store = {
    get: (k, o) => (calls.push(`get ${k}`), inner.get(k, o)),
    list: (p, o) => (calls.push(`list ${p}`), inner.list(p, o)),
    delete: (k) => (calls.push(`delete ${k}`), inner.delete(k)),
    put: (k, b, o) => (calls.push(`put ${k}${o?.ifMatch || o?.ifNoneMatch ? ' conditional' : ''}`), inner.put(k, b, o)),
  };
  return { store, calls };
}

function capturing(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (m: string, f?: Record<string, unknown>) => void lines.push(`${level} ${m} ${JSON.stringify(f ?? {})}`);
  return { log: { info: push('info'), warn: push('warn'), error: push('error') }, lines };
}

/** The seats left on the public list, as another instance (which never saw the registrations) shows them. */
const seatsLeft = async (k: Awaited<ReturnType<typeof calendarKit>>) => {
  const other = createCalendarApp(k.kit.deps, { collectionWindowMs: 0 });
  return [...(await (await other.request('/utbildningar')).text()).matchAll(/(\d+) lediga platser/g)].map((m) => Number(m[1]));
};

describe('a ledger write notified: its counts reach the lists without the scheduled run', () => {
  it('folds a registration into the collection, so GET /utbildningar shows the new count, in bounded storage calls', async () => {
    const k = await calendarKit();
    const { id: a } = await k.create({ capacity: 5 });
    const { id: b } = await k.create({ capacity: 7, start: '2026-03-11T09:00', end: '2026-03-11T16:00' });
    expect(await seatsLeft(k)).toEqual([5, 7]);
    expect((await k.registerApi(a, { name: 'A', email: 'a@ydre.se' })).status).toBe(201);
    expect((await k.registerApi(b, { name: 'B', email: 'b@ydre.se' })).status).toBe(201);
    expect((await k.registerApi(b, { name: 'C', email: 'c@ydre.se' })).status).toBe(201);
    // a registration writes only its ledger: the list is behind until the counts are derived
    expect(await seatsLeft(k)).toEqual([5, 7]);

    const { store, calls } = recording(k.kit.deps.store);
    expect(await calendarLedgerWrites([ledgerKey(a), ledgerKey(b)], { ...k.kit.deps, store })).toBe(2);
    expect(await seatsLeft(k)).toEqual([4, 5]);
    // one GET per ledger, the collection's read (and the write's own re-read), one conditional write, no listing
    expect(calls.filter((c) => c.startsWith('get calendar/registrations/')).sort()).toEqual(
      [`get ${ledgerKey(a)}`, `get ${ledgerKey(b)}`].sort(),
    );
    expect(calls.filter((c) => c === `get ${COLLECTION_KEY}`).length).toBeLessThanOrEqual(2);
    expect(calls.filter((c) => c.startsWith('put '))).toEqual([`put ${COLLECTION_KEY} conditional`]);
    expect(calls.filter((c) => c.startsWith('list ') || c.startsWith('delete '))).toEqual([]);

    // the same notification again (S3 delivers at least once) changes nothing and writes nothing
    calls.length = 0;
    expect(await calendarLedgerWrites([ledgerKey(a)], { ...k.kit.deps, store })).toBe(0);
    expect(calls.filter((c) => c.startsWith('put '))).toEqual([]);
  });

  it('ignores keys that are not ledgers, without a storage call: the derived writes do not notify again', async () => {
    const k = await calendarKit();
    const { store, calls } = recording(k.kit.deps.store);
    const keys = [
      COLLECTION_KEY,
      'calendar/public/attendance.json',
      'calendar/attendance/index.json',
      `${LEDGER_PREFIX}nested/x.json`,
      `${LEDGER_PREFIX}x.txt`,
      'feedback/submissions/x.json',
    ];
    expect(await calendarLedgerWrites(keys, { ...k.kit.deps, store })).toBe(0);
    expect(calls).toEqual([]);
  });

  it('skips a damaged or missing ledger with a log line and folds the others', async () => {
    const k = await calendarKit();
    const { id } = await k.create({ capacity: 3 });
    expect((await k.registerApi(id, { name: 'A', email: 'a@ydre.se' })).status).toBe(201);
    await k.kit.deps.store.put(ledgerKey('broken'), '{"eventId": "broken", "rev"');
    await k.kit.deps.store.put(ledgerKey('odd'), '[1, 2]');
    const { log, lines } = capturing();
    const keys = [ledgerKey('broken'), ledgerKey('gone'), ledgerKey('odd'), ledgerKey(id)];
    expect(await calendarLedgerWrites(keys, { ...k.kit.deps, log })).toBe(1);
    expect(await seatsLeft(k)).toEqual([2]);
    expect(
      lines
        .filter((l) => l.startsWith('warn ledger skipped'))
        .map((l) => JSON.parse(l.replace(/^[^{]*/, '')).reason)
        .sort(),
    ).toEqual(['corrupt', 'corrupt', 'missing']);
  });
});
