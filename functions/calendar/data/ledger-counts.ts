import { getJson } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import type { CalendarEvent } from '../model/event.js';
import { ledgerCounts, type Ledger } from '../model/ledger.js';
import { summaryOf, type EventSummary } from './summary.js';

/** The store key of a training's registrations (deleted `retention.registrationDays` after the training). */
export function ledgerKey(eventId: string): string {
  return `calendar/registrations/${eventId}.json`;
}

/** The seat counts of a training read from its ledger; `undefined` when nobody has registered. */
export async function readLedgerCounts(store: Store, event: CalendarEvent): Promise<EventSummary | undefined> {
  const ledger = await getJson<Ledger>(store, ledgerKey(event.id));
  return ledger && { ...ledgerCounts(ledger.value), rev: ledger.value.rev, ...summaryOf(event) };
}
