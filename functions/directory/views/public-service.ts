import type { Service } from '../model/service.js';

/** Days after which an entry counts as stale when nobody has verified it. */
export const STALE_AFTER_DAYS = 180;

/** Whether an entry was not verified within `days` of `now` (never verified counts as stale). */
export function isStale(verifiedAt: string | undefined, now: Date, days = STALE_AFTER_DAYS): boolean {
  return !verifiedAt || now.getTime() - new Date(verifiedAt).getTime() > days * 86_400_000;
}

/** A service as the public API shows it: confidential addresses removed, freshness made explicit. */
export function publicService(service: Service, now: Date): Service & { stale: boolean } {
  return {
    ...service,
    locations: service.locations.map((l) =>
      l.confidential ? { confidential: true, ...(l.municipality ? { municipality: l.municipality } : {}) } : l,
    ),
    stale: isStale(service.verified?.at, now),
  };
}
