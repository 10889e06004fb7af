import { Hono } from 'hono';
import * as z from 'zod';
import { jsonBody, queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { notFound } from '../../core/http/problem.js';
import { currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import { singleLine } from '../../core/text/index.js';
import type { CalendarContext } from '../context.js';
import { cancelEvent, newEvents, updateEvent } from '../data/event-service.js';
import { storeNewEvents } from '../data/new-events.js';
import { findEvent, findEventWithSeats, publishedEvents } from '../data/published.js';
import { eventInputSchema } from '../model/event.js';
import { eventQuerySchema, eventsCursor, filterEvents, pageOf } from '../model/filter.js';
import { viewEtag } from '../model/etag.js';
import { eventView } from '../model/view.js';
import { once } from '../../core/once.js';

/** The body of `POST /api/calendar/events`: a training, or a series with `repeat`. */
export const createSchema = once(() =>
  eventInputSchema().extend({
    repeat: z.strictObject({ every: z.enum(['week', 'month']), count: z.int().min(2).max(24) }).optional(),
  }),
);
/** The body of `PUT /api/calendar/events/{id}`. */
export const updateSchema = once(() => eventInputSchema().extend({ reason: singleLine(500).optional() }));
/** The body of `POST /api/calendar/events/{id}/cancel`. */
export const cancelSchema = once(() => z.strictObject({ reason: singleLine(500) }));

/** `/api/calendar/events`: list and read (public), create, update, move and cancel (staff). */
export function eventRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const { auth } = ctx.deps;
  const staffOnly = requireStaff(auth, 'admin', 'editor');

  app.get('/', async (c) => {
    const q = queryParams(c, eventQuerySchema());
    const { events, summaries } = await publishedEvents(ctx);
    const page = pageOf(filterEvents(events, summaries, q), eventsCursor.decode(q.cursor), q.limit);
    // `next` is the field's earlier, documented name, kept beside `nextCursor` for existing clients
    const more = page.nextCursor ? { nextCursor: page.nextCursor, next: page.nextCursor } : {};
    const body = { items: page.items.map((e) => eventView(e, summaries[e.id])), ...more };
    return cachedResponse(c, JSON.stringify(body), { maxAge: 60 });
  });

  app.get('/:id', async (c) => {
    const found = await findEventWithSeats(ctx, c.req.param('id'));
    if (!found) throw notFound('No training with this id.');
    return cachedResponse(c, JSON.stringify(eventView(found.event, found.summary)), {
      maxAge: 60,
      etag: viewEtag(found.etag, found.summary),
    });
  });

  app.post('/', staffOnly, async (c) => {
    const { repeat, ...input } = await jsonBody(c, createSchema());
    const events = newEvents(ctx, currentStaff(c), input, repeat);
    const etags = await storeNewEvents(ctx, events);
    c.header('Location', `/api/calendar/events/${events[0]!.id}`);
    c.header('ETag', etags[0]!);
    if (events.length === 1) return c.json(eventView(events[0]!, undefined), 201);
    return c.json({ seriesId: events[0]!.seriesId, items: events.map((e) => eventView(e, undefined)) }, 201);
  });

  app.put('/:id', staffOnly, async (c) => {
    const { reason, ...input } = await jsonBody(c, updateSchema());
    const saved = await updateEvent(ctx, currentStaff(c), c.req.param('id'), c.req.header('if-match'), input, reason);
    c.header('ETag', saved.etag);
    return c.json(eventView(saved.event, (await findEvent(ctx, saved.event.id))?.summary));
  });

  app.post('/:id/cancel', staffOnly, async (c) => {
    const { reason } = await jsonBody(c, cancelSchema());
    const saved = await cancelEvent(ctx, currentStaff(c), c.req.param('id'), c.req.header('if-match'), reason);
    c.header('ETag', saved.etag);
    return c.json(eventView(saved.event, (await findEvent(ctx, saved.event.id))?.summary));
  });
  return app;
}
