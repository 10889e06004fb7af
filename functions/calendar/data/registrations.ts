import { ProblemError } from '../../core/http/problem.js';
import { toStockholmIso } from '../../core/i18n.js';
import { getJson } from '../../core/store/json.js';
import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import {
  addRegistration,
  cancelRegistration,
  changeCapacity,
  emptyLedger,
  hashToken,
  ledgerCounts,
  waitlistPosition,
  type Ledger,
  type Registration,
} from '../model/ledger.js';
import { recordSummary } from './attendance.js';
import { findEvent } from './published.js';
import { ledgerKey } from './ledger-counts.js';

export { ledgerKey };

/** What a person sends to register. */
export interface RegistrationInput {
  readonly name: string;
  readonly email: string;
  readonly org: string;
  readonly role?: string;
}

/** The outcome of a registration: its state, waitlist position and the private cancel token. */
export interface RegistrationResult {
  readonly registration: Registration;
  readonly position: number;
  readonly token: string;
}

/** 409 unless the training takes registrations now. */
export function assertOpen(event: CalendarEvent, now: Date): void {
  if (event.status === 'cancelled')
    throw new ProblemError({ status: 409, title: 'Utbildningen är inställd', detail: 'The training is cancelled.' });
  if (now > new Date(event.registrationDeadline))
    throw new ProblemError({ status: 409, title: 'Sista anmälningsdag har passerat', detail: 'The registration deadline has passed.' });
}

/** Read a training's registrations. */
export async function readLedger(ctx: CalendarContext, event: CalendarEvent): Promise<Ledger> {
  return (await getJson<Ledger>(ctx.deps.store, ledgerKey(event.id)))?.value ?? emptyLedger(event.id, event.capacity);
}

/**
 * Apply one change to a training's ledger (group-committed, `If-Match` with retry) and record the
 * new counts in the collection. `etag` is the training object's, for a training the collection
 * does not hold yet.
 */
async function changeLedger<R>(
  ctx: CalendarContext,
  event: CalendarEvent,
  change: (ledger: Ledger) => R,
  etag?: string,
): Promise<{ result: R; ledger: Ledger }> {
  const { result, value } = await ctx.writes.update<Ledger, R>(
    ledgerKey(event.id),
    (ledger) => {
      const current = ledger as Ledger;
      const result = change(current);
      return { value: current, result };
    },
    () => emptyLedger(event.id, event.capacity),
  );
  await recordSummary(ctx, event, { ...ledgerCounts(value), rev: value.rev }, etag);
  return { result, ledger: value };
}

/** Register for a training: confirmed while seats last, else waitlisted; never overbooked. */
export async function register(ctx: CalendarContext, event: CalendarEvent, input: RegistrationInput): Promise<RegistrationResult> {
  const now = ctx.deps.clock.now();
  assertOpen(event, now);
  const token = ctx.newToken();
  const id = ctx.newId();
  const { result, ledger } = await changeLedger(ctx, event, (l) =>
    addRegistration(l, { id, tokenHash: hashToken(token), ...input, createdAt: toStockholmIso(now) }),
  );
  // Copy: the ledger object is shared with the other registrations of the same batch.
  return { registration: { ...result }, position: waitlistPosition(ledger, id), token };
}

/** Cancel by private token; the first on the waitlist takes the freed seat. */
export async function cancel(ctx: CalendarContext, eventId: string, token: string): Promise<{ promoted: number }> {
  const found = await findEvent(ctx, eventId);
  const existing = found && (await getJson<Ledger>(ctx.deps.store, ledgerKey(eventId)));
  if (!found || !existing)
    throw new ProblemError({ status: 404, title: 'Anmälan hittades inte', detail: 'No registration has this cancel link.' });
  const now = toStockholmIso(ctx.deps.clock.now());
  const { result } = await changeLedger(ctx, found.event, (l) => cancelRegistration(l, hashToken(token), now).promoted.length);
  return { promoted: result };
}

/** Apply a new capacity to the registrations (409 below the confirmed count; a larger one promotes). */
export async function applyCapacity(ctx: CalendarContext, event: CalendarEvent, capacity: number, etag?: string): Promise<void> {
  const now = toStockholmIso(ctx.deps.clock.now());
  await changeLedger(ctx, { ...event, capacity }, (l) => changeCapacity(l, capacity, now), etag);
}
