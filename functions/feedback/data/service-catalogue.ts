import type { ServiceRef } from './service-index.js';

/**
 * The most services the form lists as a drop-down; with more (a county with thousands), the form
 * asks for the service's name instead and finds it on the server, so the page stays small
 * whatever the directory's size.
 */
export const SELECT_LIMIT = 100;

/** The most matches of a typed name the form offers to choose from. */
export const MATCH_LIMIT = 20;

/** What a typed service name led to. */
export type ServiceMatch =
  | { readonly kind: 'one'; readonly service: ServiceRef }
  | { readonly kind: 'none' }
  | { readonly kind: 'several'; readonly services: readonly ServiceRef[] }
  | { readonly kind: 'too-many' };

/** The directory's services, indexed for the form. */
export interface ServiceCatalogue {
  readonly size: number;
  byId(id: string): ServiceRef | undefined;
  /** The services serving `municipality` (all when it is empty). */
  serving(municipality: string): readonly ServiceRef[];
  /** Find a typed name: every word must occur in the service's name; an exact name wins. */
  find(name: string, municipality: string): ServiceMatch;
}

/**
 * The services the form lists as a drop-down for `municipality` (all of them when it is empty or
 * no service serves it), or `undefined` when they are more than `SELECT_LIMIT` and the form asks
 * for a name instead.
 */
export function selectable(catalogue: ServiceCatalogue, municipality: string): readonly ServiceRef[] | undefined {
  const serving = catalogue.serving(municipality);
  const offered = serving.length > 0 ? serving : catalogue.serving('');
  return offered.length <= SELECT_LIMIT ? offered : undefined;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/**
 * Index the directory's services once per version of the index.
 *
 * @example
 * const catalogue = serviceCatalogue(index);
 * catalogue.find('mini maria', '1490'); // { kind: 'one', service: … }
 */
export function serviceCatalogue(services: readonly ServiceRef[]): ServiceCatalogue {
  const byId = new Map(services.map((s) => [s.id, s]));
  // folded names are made on the first search, not for every page that only shows the form
  let folded: { service: ServiceRef; name: string }[] | undefined;
  const serves = (s: ServiceRef, municipality: string) => !municipality || s.municipalities.includes(municipality);
  return {
    size: services.length,
    byId: (id) => byId.get(id),
    serving: (municipality) => (municipality ? services.filter((s) => serves(s, municipality)) : services),
    find: (name, municipality) => {
      const query = fold(name);
      const words = query.split(' ').filter(Boolean);
      const found: ServiceRef[] = [];
      const exact: ServiceRef[] = [];
      folded ??= services.map((s) => ({ service: s, name: fold(s.name) }));
      for (const entry of folded) {
        if (!serves(entry.service, municipality) || !words.every((w) => entry.name.includes(w))) continue;
        if (entry.name === query) exact.push(entry.service);
        found.push(entry.service);
      }
      const best = exact.length > 0 ? exact : found;
      if (best.length === 0) return { kind: 'none' };
      if (best.length === 1 && best[0]) return { kind: 'one', service: best[0] };
      return best.length > MATCH_LIMIT ? { kind: 'too-many' } : { kind: 'several', services: best };
    },
  };
}
