import type { EventSummary } from './ledger.js';

/** The ETag of a training as served: its stored version plus the seat counts, so counts never hide behind a 304. */
export function viewEtag(storeEtag: string, summary: EventSummary | undefined): string {
  return `"${storeEtag.replace(/"/g, '')}~${summary?.rev ?? 0}.${summary?.confirmed ?? 0}.${summary?.waitlisted ?? 0}"`;
}

/** Whether a strong entity tag names this stored version (as the stored ETag or a served one); see `etagMatches`. */
export function sameStoredVersion(tag: string, storeEtag: string): boolean {
  return tag.slice(1, -1).split('~')[0] === storeEtag.replace(/"/g, '');
}
