import { createHash } from 'node:crypto';
import { ProblemError } from '../../core/http/problem.js';

/** The state of one registration. */
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** One registration: only name, work e-mail, organisation and optional role. */
export interface Registration {
  readonly id: string;
  /** SHA-256 of the private cancel token (the token itself is never stored). */
  readonly tokenHash: string;
  readonly name: string;
  readonly email: string;
  readonly org: string;
  readonly role?: string;
  status: RegistrationStatus;
  readonly createdAt: string;
  cancelledAt?: string;
  promotedAt?: string;
}

/**
 * The registrations of one training in one object (`calendar/registrations/<eventId>.json`),
 * changed only by read-modify-write with `If-Match`, so seats can never be given twice.
 */
export interface Ledger {
  readonly eventId: string;
  capacity: number;
  rev: number;
  /**
   * The training's `sequence` when a change of the training last wrote this ledger (its capacity
   * is applied on every change), so a reader of the ledger sees that the training changed.
   */
  eventSequence?: number;
  readonly entries: Registration[];
}

/** Counts of a ledger. */
export interface LedgerCounts {
  readonly confirmed: number;
  readonly waitlisted: number;
  /** Confirmed registrations per organisation. */
  readonly byOrg: Readonly<Record<string, number>>;
}

/** Hash a cancel token for storage and lookup. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** An empty ledger. */
export function emptyLedger(eventId: string, capacity: number): Ledger {
  return { eventId, capacity, rev: 0, entries: [] };
}

/** The counts of a ledger. */
export function ledgerCounts(ledger: Ledger | undefined): LedgerCounts {
  const byOrg: Record<string, number> = {};
  let confirmed = 0;
  let waitlisted = 0;
  for (const e of ledger?.entries ?? []) {
    if (e.status === 'confirmed') {
      confirmed++;
      byOrg[e.org] = (byOrg[e.org] ?? 0) + 1;
    } else if (e.status === 'waitlisted') waitlisted++;
  }
  return { confirmed, waitlisted, byOrg };
}

/** The 1-based waitlist position of a registration (0 when it is not waitlisted). */
export function waitlistPosition(ledger: Ledger, id: string): number {
  const waiting = ledger.entries.filter((e) => e.status === 'waitlisted');
  return waiting.findIndex((e) => e.id === id) + 1;
}

/** Fill free seats from the waitlist, first come first served; returns the promoted. */
export function promote(ledger: Ledger, now: string): Registration[] {
  const promoted: Registration[] = [];
  let free = ledger.capacity - ledgerCounts(ledger).confirmed;
  for (const e of ledger.entries) {
    if (free <= 0) break;
    if (e.status === 'waitlisted') {
      e.status = 'confirmed';
      e.promotedAt = now;
      promoted.push(e);
      free--;
    }
  }
  return promoted;
}

/** Add a registration: confirmed while seats are free, else waitlisted. 409 for a second active one per e-mail. */
export function addRegistration(ledger: Ledger, entry: Omit<Registration, 'status'>): Registration {
  const email = entry.email.toLowerCase();
  if (ledger.entries.some((e) => e.status !== 'cancelled' && e.email.toLowerCase() === email))
    throw new ProblemError({
      status: 409,
      title: 'Du är redan anmäld',
      detail: 'This e-mail address is already registered for the training.',
      errors: [{ field: 'email', message: 'Already registered', sv: 'E-postadressen är redan anmäld' }],
    });
  const status: RegistrationStatus = ledgerCounts(ledger).confirmed < ledger.capacity ? 'confirmed' : 'waitlisted';
  const registration: Registration = { ...entry, status };
  ledger.entries.push(registration);
  ledger.rev++;
  return registration;
}

/** Cancel the registration holding `tokenHash` and promote from the waitlist; 404 unknown, 410 reused. */
export function cancelRegistration(ledger: Ledger, tokenHash: string, now: string): { cancelled: Registration; promoted: Registration[] } {
  const entry = ledger.entries.find((e) => e.tokenHash === tokenHash);
  if (!entry) throw new ProblemError({ status: 404, title: 'Anmälan hittades inte', detail: 'No registration has this cancel link.' });
  if (entry.status === 'cancelled')
    throw new ProblemError({ status: 410, title: 'Anmälan är redan avbokad', detail: 'This cancel link has already been used.' });
  entry.status = 'cancelled';
  entry.cancelledAt = now;
  ledger.rev++;
  return { cancelled: entry, promoted: promote(ledger, now) };
}

/** Change the capacity: 409 below the confirmed count; a larger one promotes from the waitlist. */
export function changeCapacity(ledger: Ledger, capacity: number, now: string): Registration[] {
  const { confirmed } = ledgerCounts(ledger);
  if (capacity < confirmed)
    throw new ProblemError({
      status: 409,
      title: 'Antalet platser är lägre än antalet bekräftade',
      detail: `Capacity ${capacity} is below the ${confirmed} confirmed registrations.`,
      errors: [{ field: 'capacity', message: `At least ${confirmed}`, sv: `Minst ${confirmed}` }],
    });
  ledger.capacity = capacity;
  ledger.rev++;
  return promote(ledger, now);
}

/** The summary of one training: what lists, the year view and attendance need without reading registrations. */
export interface EventSummary extends LedgerCounts {
  /** The revision of the ledger these counts come from (counts only move forward). */
  readonly rev: number;
  readonly topic: string;
  readonly organizer: string;
  readonly start: string;
  readonly cancelled: boolean;
}

/** All summaries, by training id. */
export type SummaryIndex = Record<string, EventSummary>;
