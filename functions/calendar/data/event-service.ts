import type { Staff } from '../../core/auth/auth.js';
import { assertIfMatch, requireIfMatch } from '../../core/http/preconditions.js';
import { notFound, preconditionFailed } from '../../core/http/problem.js';
import { assertCanEditOrg } from '../../core/http/staff.js';
import { toStockholmIso } from '../../core/i18n.js';
import { PreconditionFailedError } from '../../core/store/store.js';
import type { CalendarContext } from '../context.js';
import { checkEventInput, isMove, type CalendarEvent, type EventInput } from '../model/event.js';
import { eventUid } from '../feed/ical.js';
import { sameStoredVersion } from '../model/etag.js';
import { shiftLocal, type Repeat } from '../model/series.js';
import { getEvent, putEvent } from './events.js';
import { applyCapacity } from './registrations.js';
import { publishEntries } from './collection-writes.js';

/** Build the stored form of new trainings (one, or a series); validates everything first, stores nothing. */
export function newEvents(ctx: CalendarContext, staff: Staff, input: EventInput, repeat?: Repeat): CalendarEvent[] {
  assertCanEditOrg(staff, input.organizer);
  const times = checkEventInput(ctx.deps.config, input);
  const now = toStockholmIso(ctx.deps.clock.now());
  const count = repeat?.count ?? 1;
  const seriesId = count > 1 ? ctx.newId() : undefined;
  return Array.from({ length: count }, (_, n) => {
    const id = ctx.newId();
    return {
      ...input,
      id,
      uid: eventUid(ctx.deps.config, { id }),
      ...(seriesId ? { seriesId } : {}),
      start: repeat ? shiftLocal(times.start, repeat.every, n) : times.start,
      end: repeat ? shiftLocal(times.end, repeat.every, n) : times.end,
      registrationDeadline: repeat ? shiftLocal(times.registrationDeadline, repeat.every, n) : times.registrationDeadline,
      status: 'scheduled' as const,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    };
  });
}

/** Read a training for a change by `staff` with `If-Match`: 404, 403, 428 or 412 as due. */
export async function eventForChange(ctx: CalendarContext, staff: Staff, id: string, ifMatch: string | undefined) {
  const found = await getEvent(ctx.deps.store, id);
  if (!found) throw notFound('No training with this id.');
  assertCanEditOrg(staff, found.value.organizer);
  assertIfMatch(requireIfMatch(ifMatch), found.etag, { same: sameStoredVersion });
  return found;
}

async function save(ctx: CalendarContext, next: CalendarEvent, etag: string): Promise<{ event: CalendarEvent; etag: string }> {
  try {
    const written = await putEvent(ctx.deps.store, next, etag);
    await publishEntries(ctx, [{ event: next, etag: written.etag }]);
    return { event: next, etag: written.etag };
  } catch (error) {
    if (error instanceof PreconditionFailedError) throw preconditionFailed();
    throw error;
  }
}

/** Replace a training's fields; a new time marks it moved. Capacity below the confirmed count is refused. */
export async function updateEvent(
  ctx: CalendarContext,
  staff: Staff,
  id: string,
  ifMatch: string | undefined,
  input: EventInput,
  reason?: string,
) {
  const found = await eventForChange(ctx, staff, id, ifMatch);
  assertCanEditOrg(staff, input.organizer);
  const times = checkEventInput(ctx.deps.config, input);
  const prev = found.value;
  const moved = isMove(prev, times);
  const next: CalendarEvent = {
    ...prev,
    ...input,
    ...times,
    status: prev.status === 'cancelled' ? 'cancelled' : moved ? 'moved' : prev.status,
    ...(moved ? { previousStart: prev.start, ...(reason ? { statusReason: reason } : {}) } : {}),
    sequence: prev.sequence + 1,
    updatedAt: toStockholmIso(ctx.deps.clock.now()),
  };
  await applyCapacity(ctx, next, next.capacity);
  return save(ctx, next, found.etag);
}

/** Cancel a training with a reason; it stays in feeds as cancelled. */
export async function cancelEvent(ctx: CalendarContext, staff: Staff, id: string, ifMatch: string | undefined, reason: string) {
  const found = await eventForChange(ctx, staff, id, ifMatch);
  const next: CalendarEvent = {
    ...found.value,
    status: 'cancelled',
    statusReason: reason,
    sequence: found.value.sequence + 1,
    updatedAt: toStockholmIso(ctx.deps.clock.now()),
  };
  const saved = await save(ctx, next, found.etag);
  await applyCapacity(ctx, next, next.capacity);
  return saved;
}
