import { Hono, type Context } from 'hono';
import { ProblemError } from '../../core/http/problem.js';
import { queryParams } from '../../core/http/body.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang, toStockholmIso } from '../../core/i18n.js';
import type { CalendarContext } from '../context.js';
import { findEvent, findEventWithSeats, publishedEvents, type PublishedEvent } from '../data/published.js';
import { cancel, register } from '../data/registrations.js';
import { eventQuerySchema, eventsCursor, filterEvents, pageOf } from '../model/filter.js';
import { yearView } from '../model/year.js';
import { yearQuery } from '../model/year.js';
import { publicOrigin } from './origin.js';
import { EventPage } from './event-page.js';
import type { FormError, FormValues } from './registration-form.js';
import { formErrors, readRegistrationForm } from './form-input.js';
import { ListPage } from './list-page.js';
import { CancelPage, ConfirmationPage } from './result-pages.js';
import { assertSameOrigin } from '../../core/http/same-origin.js';
import { YearPage } from './year-page.js';

const noStore = (c: Context) => c.header('Cache-Control', 'no-store');

/** The public pages under `/utbildningar`: list, year view, a page per training, registration and cancellation. */
export function pageRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const { config, clock } = ctx.deps;
  const nonce = (c: Context<KitEnv>) => c.get('secureHeadersNonce');
  const eventOr404 = async (id: string, withSeats = false) => {
    const found = await (withSeats ? findEventWithSeats : findEvent)(ctx, id);
    if (!found) throw new ProblemError({ status: 404, title: 'Hittades inte', detail: 'No training with this id.' });
    return found;
  };

  app.get('/', async (c) => {
    const lang = resolveLang(c);
    const q = queryParams(c, eventQuerySchema());
    const from = q.from ?? toStockholmIso(clock.now()).slice(0, 10);
    const { events, summaries } = await publishedEvents(ctx);
    // a page with a malformed cursor shows an empty list with its links, as before
    const after = eventsCursor.parse(q.cursor);
    const page =
      after === false ? { items: [], nextCursor: undefined } : pageOf(filterEvents(events, summaries, { ...q, from }), after, q.limit);
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(
      <ListPage
        config={config}
        lang={lang}
        nonce={nonce(c)}
        events={page.items}
        summaries={summaries}
        query={q}
        origin={publicOrigin(ctx, c)}
        next={page.nextCursor}
      />,
    );
  });

  app.get('/arshjul', async (c) => {
    const lang = resolveLang(c);
    const year = queryParams(c, yearQuery()).year ?? Number(toStockholmIso(clock.now()).slice(0, 4));
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(
      <YearPage config={config} lang={lang} nonce={nonce(c)} view={yearView(config, (await publishedEvents(ctx)).events, year)} />,
    );
  });

  app.get('/avboka/:id/:token', async (c) => {
    const { event } = await eventOr404(c.req.param('id'));
    noStore(c);
    return c.html(<CancelPage config={config} lang={resolveLang(c)} nonce={nonce(c)} event={event} action={new URL(c.req.url).pathname} />);
  });

  app.post('/avboka/:id/:token', async (c) => {
    assertSameOrigin(c, ctx.deps.publicOrigin);
    const { event } = await eventOr404(c.req.param('id'));
    await cancel(ctx, event.id, c.req.param('token'));
    noStore(c);
    return c.html(<CancelPage config={config} lang={resolveLang(c)} nonce={nonce(c)} event={event} action="" done />);
  });

  // A training's page, with the form's values and errors after a failed post.
  const eventPage = (c: Context<KitEnv>, { event, summary }: PublishedEvent, form: { values?: FormValues; errors?: FormError[] } = {}) => {
    return (
      <EventPage
        config={config}
        lang={resolveLang(c)}
        nonce={nonce(c)}
        event={event}
        confirmed={summary?.confirmed ?? 0}
        waitlisted={summary?.waitlisted ?? 0}
        origin={publicOrigin(ctx, c)}
        now={clock.now()}
        values={form.values}
        errors={form.errors}
      />
    );
  };

  app.get('/:id', async (c) => {
    const found = await eventOr404(c.req.param('id'), true);
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(eventPage(c, found));
  });

  app.post('/:id/anmalan', async (c) => {
    assertSameOrigin(c, ctx.deps.publicOrigin);
    const lang = resolveLang(c);
    const found = await eventOr404(c.req.param('id'));
    const { event } = found;
    const { values, parsed } = await readRegistrationForm(c);
    noStore(c);
    const errors = formErrors(ctx, event, values, parsed);
    if (errors.length || !parsed) return c.html(eventPage(c, found, { values, errors }), 400);
    const result = await register(ctx, event, parsed);
    const cancelUrl = `${publicOrigin(ctx, c)}/utbildningar/avboka/${event.id}/${result.token}`;
    const status = result.registration.status === 'confirmed' ? 'confirmed' : 'waitlisted';
    return c.html(
      <ConfirmationPage
        config={config}
        lang={lang}
        nonce={nonce(c)}
        event={event}
        status={status}
        position={result.position}
        cancelUrl={cancelUrl}
      />,
      201,
    );
  });
  return app;
}
