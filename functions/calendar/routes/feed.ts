import { Hono } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { t } from '../../core/i18n.js';
import type { CalendarContext } from '../context.js';
import { findEvent, publishedEvents } from '../data/published.js';
import { feedSummary, renderFeed, type EventTextCache } from '../feed/ical.js';
import { FeedMemo } from '../feed/memo.js';
import { organisationName, organisations, trainingTopics } from '../model/vocabulary.js';
import { publicOrigin } from '../pages/origin.js';
import { once } from '../../core/once.js';

const feedQuery = once(() =>
  z.object({
    topic: z.string().max(60).optional(),
    organizer: z.string().max(60).optional(),
    lang: z.enum(['sv', 'en']).optional(),
  }),
);
const singleQuery = once(() => feedQuery().pick({ lang: true }));
const ICS = 'text/calendar; charset=utf-8';
/** How long cancelled trainings stay in feeds after they would have ended. */
export const CANCELLED_RETENTION_DAYS = 60;

/** `/utbildningar/kalender.ics` (`?topic=`, `?organizer=`) and one training's `.ics`. */
export function feedRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const { config, clock } = ctx.deps;
  const memo = new FeedMemo();
  const eventTexts: EventTextCache = new Map();

  app.get('/kalender.ics', async (c) => {
    const q = queryParams(c, feedQuery());
    const topic = q.topic ? trainingTopics(config).find((x) => x.id === q.topic) : undefined;
    if (q.topic && !topic) throw badRequest([{ field: 'topic', message: 'Unknown topic', sv: 'Okänt ämne' }]);
    if (q.organizer && !organisations(config).some((o) => o.id === q.organizer))
      throw badRequest([{ field: 'organizer', message: 'Unknown organisation', sv: 'Okänd organisation' }]);
    const lang = q.lang ?? 'sv';
    const keepFrom = clock.now().getTime() - CANCELLED_RETENTION_DAYS * 86_400_000;
    const published = await publishedEvents(ctx);
    const events = published.events.filter(
      (e) =>
        (!q.topic || e.topic === q.topic) &&
        (!q.organizer || e.organizer === q.organizer) &&
        (e.status !== 'cancelled' || Date.parse(e.end) >= keepFrom),
    );
    const parts = [t(lang, { sv: 'Utbildningar', en: 'Trainings' }), config.name];
    if (topic) parts.push(t(lang, topic));
    if (q.organizer) parts.push(organisationName(config, q.organizer));
    const options = { name: parts.join(' – '), origin: publicOrigin(ctx, c), lang };
    const key = JSON.stringify([published.view.etag, options, q.topic, q.organizer, events.length]);
    const body = memo.get(key, () => renderFeed(config, events, options, eventTexts));
    return cachedResponse(c, body, { contentType: ICS, maxAge: 900 });
  });

  app.get('/:file{[A-Za-z0-9-]+\\.ics}', async (c) => {
    const id = c.req.param('file').replace(/\.ics$/, '');
    const lang = queryParams(c, singleQuery()).lang ?? 'sv';
    const found = await findEvent(ctx, id);
    if (!found) throw notFound('No training with this id.');
    const body = renderFeed(
      config,
      [found.event],
      { name: feedSummary(found.event, lang), origin: publicOrigin(ctx, c), lang },
      eventTexts,
    );
    return cachedResponse(c, body, { contentType: ICS, maxAge: 300 });
  });
  return app;
}
