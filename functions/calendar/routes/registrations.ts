import { Hono } from 'hono';
import { canEditOrg } from '../../core/auth/auth.js';
import { jsonBody } from '../../core/http/body.js';
import { notFound, ProblemError } from '../../core/http/problem.js';
import { currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { findEvent } from '../data/published.js';
import { cancel, readLedger, register } from '../data/registrations.js';
import { checkRegistrationOrg, registrationInputSchema } from '../model/registration-input.js';

/** `/api/calendar/events/{id}/registrations`: register (anyone), cancel by private token, list (organiser). */
export function registrationRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const { auth, config } = ctx.deps;

  app.post('/:id/registrations', async (c) => {
    const input = await jsonBody(c, registrationInputSchema(), 4096);
    const found = await findEvent(ctx, c.req.param('id'));
    if (!found) throw notFound('No training with this id.');
    checkRegistrationOrg(config, found.event, input.org);
    const result = await register(ctx, found.event, input);
    const cancelUrl = `/utbildningar/avboka/${found.event.id}/${result.token}`;
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        id: result.registration.id,
        status: result.registration.status,
        ...(result.position ? { waitlistPosition: result.position } : {}),
        cancelToken: result.token,
        cancelUrl,
      },
      201,
    );
  });

  app.delete('/:id/registrations/:token', async (c) => {
    const { promoted } = await cancel(ctx, c.req.param('id'), c.req.param('token'));
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'cancelled', promoted });
  });

  app.get('/:id/registrations', requireStaff(auth, 'admin', 'editor'), async (c) => {
    const found = await findEvent(ctx, c.req.param('id'));
    if (!found) throw notFound('No training with this id.');
    if (!canEditOrg(currentStaff(c), found.event.organizer))
      throw new ProblemError({ status: 403, title: 'Behörighet saknas', detail: 'Only the organiser sees the registrations.' });
    const ledger = await readLedger(ctx, found.event);
    c.header('Cache-Control', 'private, no-store');
    return c.json({
      capacity: ledger.capacity,
      items: ledger.entries.map((e) => ({
        id: e.id,
        name: e.name,
        email: e.email,
        org: e.org,
        ...(e.role ? { role: e.role } : {}),
        status: e.status,
        createdAt: e.createdAt,
      })),
    });
  });
  return app;
}
