import type { Store } from '../../core/store/store.js';
import { ledgerCounts, type Ledger, type LedgerCounts } from '../model/ledger.js';
import { ledgerKey } from './ledger-counts.js';
import type { SummaryIndex } from './summary.js';

/** A training's seat counts as its ledger holds them, with the ledger's revision and ETag. */
export interface Seats extends LedgerCounts {
  readonly rev: number;
  /** The training's `sequence` when its ledger was last written by a change of the training. */
  readonly eventSequence?: number;
}

interface Held {
  /** Absent with `seats` when the training had no ledger. */
  readonly etag?: string;
  readonly seats?: Seats;
  /** When this version was read or written (monotonic milliseconds). */
  readonly at: number;
}

/** The counts of a ledger as `Seats`. */
export function seatsOf(ledger: Ledger): Seats {
  return {
    ...ledgerCounts(ledger),
    rev: ledger.rev,
    ...(ledger.eventSequence !== undefined ? { eventSequence: ledger.eventSequence } : {}),
  };
}

/**
 * The seat counts a warm instance knows from the ledgers it has read or written, by training id.
 * The ledger is the one object a registration writes; what this cache holds is newer than the
 * collection's counts (derived later, off the request path) whenever its revision is higher.
 */
export class SeatCache {
  private readonly held = new Map<string, Held>();

  /**
   * @param windowMs for how long a version held answers without asking the store (as the
   *   collection's window; default 1000)
   * @param now monotonic milliseconds (default `performance.now`)
   */
  constructor(
    private readonly windowMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The seats of one training from its ledger: none inside the window, else one GET, conditional
   * on the version held (a 304 keeps it); `undefined` when the training has no ledger (nobody
   * registered, or purged).
   */
  async read(store: Store, eventId: string): Promise<Seats | undefined> {
    const mine = this.held.get(eventId);
    const started = this.now();
    if (mine && started - mine.at < this.windowMs) return mine.seats;
    const found = await store.get(ledgerKey(eventId), mine?.etag ? { ifNoneMatch: mine.etag } : {});
    if (found === 'not-modified' && mine) {
      this.held.set(eventId, { ...mine, at: started });
      return mine.seats;
    }
    if (!found || found === 'not-modified') {
      this.held.set(eventId, { at: started });
      return undefined;
    }
    let ledger: Ledger;
    try {
      ledger = JSON.parse(new TextDecoder().decode(found.body)) as Ledger;
    } catch {
      return undefined;
    }
    return this.remember(eventId, ledger, found.etag);
  }

  /** Keep the version of a ledger this instance has just read or written. */
  remember(eventId: string, ledger: Ledger, etag: string): Seats {
    const seats = seatsOf(ledger);
    const mine = this.held.get(eventId);
    if (!mine?.seats || mine.seats.rev <= seats.rev) this.held.set(eventId, { etag, seats, at: this.now() });
    return this.held.get(eventId)!.seats!;
  }

  /** `summaries` with the counts this instance knows to be newer (by ledger revision) laid over them. */
  overlay(summaries: SummaryIndex): SummaryIndex {
    let out: SummaryIndex | undefined;
    for (const [id, { seats }] of this.held) {
      const s = Object.hasOwn(summaries, id) ? summaries[id] : undefined;
      if (!s || !seats || s.rev >= seats.rev) continue;
      out ??= { ...summaries };
      out[id] = { ...s, confirmed: seats.confirmed, waitlisted: seats.waitlisted, byOrg: seats.byOrg, rev: seats.rev };
    }
    return out ?? summaries;
  }
}
