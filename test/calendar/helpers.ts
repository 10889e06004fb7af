import { createCalendarApp } from '../../functions/calendar/app.js';
import type { CalendarOptions } from '../../functions/calendar/context.js';
import type { Store } from '../../functions/core/store/store.js';
import { testKit } from '../support/deps.js';

/** "Now" in every calendar test unless a test says otherwise. */
export const NOW = '2026-02-10T10:00:00+01:00';

/** A valid training input organised by Ydre (0512) in Östergötland. */
export function trainingInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'MI grundkurs',
    description: 'Två dagar om motiverande samtal.',
    topic: 'mi',
    organizer: '0512',
    start: '2026-03-10T09:00',
    end: '2026-03-10T16:00',
    location: { place: 'Kommunhuset, Österbymo' },
    capacity: 20,
    registrationDeadline: '2026-03-01T23:59',
    ...overrides,
  };
}

/** An Östergötland calendar app with real tokens, a temp store and a fixed clock. */
export async function calendarKit(options: { now?: string; store?: Store; area?: string; calendar?: CalendarOptions } = {}) {
  const kit = await testKit({ area: options.area ?? 'ostergotland', now: options.now ?? NOW, store: options.store });
  let n = 0;
  // Window 0: every read asks the store (one conditional GET), so what another instance or the
  // scheduled housekeeping wrote is seen at once, as the tests need.
  const app = createCalendarApp(kit.deps, {
    ids: () => `id-${++n}-${Math.random().toString(36).slice(2, 8)}`,
    collectionWindowMs: 0,
    ...options.calendar,
  });
  const editor = await kit.bearer({ sub: 'ydre-editor', roles: ['editor'], org: '0512' });
  const otherEditor = await kit.bearer({ sub: 'kinda-editor', roles: ['editor'], org: '0513' });
  const admin = await kit.bearer({ sub: 'admin', roles: ['admin'] });
  const json = (body: unknown, auth?: string, headers: Record<string, string> = {}) => ({
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
    body: JSON.stringify(body),
  });
  /** Create a training as the Ydre editor; returns its id and ETag. */
  const create = async (overrides: Record<string, unknown> = {}) => {
    const res = await app.request('/api/calendar/events', { method: 'POST', ...json(trainingInput(overrides), editor) });
    if (res.status !== 201) throw new Error(`create failed ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { id: string };
    return { id: body.id, etag: res.headers.get('etag') as string };
  };
  /** Register through the API. */
  const registerApi = (id: string, fields: Record<string, unknown>) =>
    app.request(`/api/calendar/events/${id}/registrations`, { method: 'POST', ...json({ org: '0512', ...fields }) });
  return { kit, app, editor, otherEditor, admin, json, create, registerApi };
}
