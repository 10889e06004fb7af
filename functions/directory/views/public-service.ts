import type { Service, ServiceLocation } from '../model/service.js';

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

const ADDRESS_FIELDS = ['name', 'street', 'postalCode', 'city', 'latitude', 'longitude', 'accessibility'] as const;

/**
 * Locations of a replacement with the stored address kept for each confidential location the input
 * sends without one (as the public form shows it: `{ confidential: true }`). The n-th confidential
 * location of the input pairs with the n-th stored one; fields the input does send win.
 */
export function keepConfidentialAddresses(input: readonly ServiceLocation[], stored: readonly ServiceLocation[]): ServiceLocation[] {
  const hidden = stored.filter((l) => l.confidential);
  let n = 0;
  return input.map((location) => {
    if (!location.confidential) return location;
    const previous = hidden[n++];
    const redacted = ADDRESS_FIELDS.every((field) => location[field] === undefined);
    return redacted && previous ? { ...previous, ...location } : location;
  });
}
