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
  waitlistPosition,
  type Ledger,
  type Registration,
} from '../model/ledger.js';
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
 * Apply one change to a training's ledger: group-committed, one conditional write (`If-Match`, or
 * create-only) with the calendar's retry rule, and nothing else written on the request. The
 * collection's counts and the public attendance file are derived from the ledgers afterwards
 * (`syncCounts` in the scheduled housekeeping); until then the training's own page reads its
 * seats from the ledger and this instance lays the counts it knows over the collection.
 * `initial` makes a ledger where there is none; without it a missing ledger is a 404.
 */
async function changeLedger<R>(
  ctx: CalendarContext,
  event: CalendarEvent,
  change: (ledger: Ledger) => R,
  initial?: () => Ledger,
): Promise<{ result: R; ledger: Ledger }> {
  const { result, value, etag } = await ctx.writes.update<Ledger, R>(
    ledgerKey(event.id),
    (ledger) => {
      if (!ledger) throw new ProblemError({ status: 404, title: 'Anmälan hittades inte', detail: 'No registration has this cancel link.' });
      return { value: ledger, result: change(ledger) };
    },
    initial,
  );
  ctx.seats.remember(event.id, value, etag);
  return { result, ledger: value };
}

/** Register for a training: confirmed while seats last, else waitlisted; never overbooked. */
export async function register(ctx: CalendarContext, event: CalendarEvent, input: RegistrationInput): Promise<RegistrationResult> {
  const now = ctx.deps.clock.now();
  assertOpen(event, now);
  const token = ctx.newToken();
  const id = ctx.newId();
  const { result, ledger } = await changeLedger(
    ctx,
    event,
    (l) => addRegistration(l, { id, tokenHash: hashToken(token), ...input, createdAt: toStockholmIso(now) }),
    () => emptyLedger(event.id, event.capacity),
  );
  // Copy: the ledger object is shared with the other registrations of the same batch.
  return { registration: { ...result }, position: waitlistPosition(ledger, id), token };
}

/** Cancel by private token; the first on the waitlist takes the freed seat. */
export async function cancel(ctx: CalendarContext, eventId: string, token: string): Promise<{ promoted: number }> {
  const found = await findEvent(ctx, eventId);
  if (!found) throw new ProblemError({ status: 404, title: 'Anmälan hittades inte', detail: 'No registration has this cancel link.' });
  // a training nobody registered for has no ledger: 404 from the change, nothing written
  const now = toStockholmIso(ctx.deps.clock.now());
  const { result } = await changeLedger(ctx, found.event, (l) => cancelRegistration(l, hashToken(token), now).promoted.length);
  return { promoted: result };
}

/**
 * Apply a training's change to its registrations: the new capacity (409 below the confirmed count;
 * a larger one promotes) and the training's sequence, so a reader of the ledger sees the change.
 */
export async function applyCapacity(ctx: CalendarContext, event: CalendarEvent, capacity: number): Promise<void> {
  const now = toStockholmIso(ctx.deps.clock.now());
  await changeLedger(
    ctx,
    event,
    (l) => {
      changeCapacity(l, capacity, now);
      l.eventSequence = Math.max(l.eventSequence ?? 0, event.sequence);
    },
    () => emptyLedger(event.id, capacity),
  );
}
