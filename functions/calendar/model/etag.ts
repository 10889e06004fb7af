import type { EventSummary } from '../data/summary.js';

/** The ETag of a training as served: its stored version plus the seat counts, so counts never hide behind a 304. */
export function viewEtag(storeEtag: string, summary: EventSummary | undefined): string {
  return `"${storeEtag.replace(/"/g, '')}~${summary?.rev ?? 0}.${summary?.confirmed ?? 0}.${summary?.waitlisted ?? 0}"`;
}

/** Whether an `If-Match` value names this stored version (as the stored ETag or a served one). */
export function matchesStored(ifMatch: string, storeEtag: string): boolean {
  const inner = storeEtag.replace(/"/g, '');
  return ifMatch
    .split(',')
    .map((v) => v.trim().replace(/^W\//, '').replace(/"/g, '').split('~')[0])
    .some((v) => v === inner);
}
