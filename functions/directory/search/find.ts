import type { Collection } from '../model/collection.js';
import type { Service } from '../model/service.js';
import { pageOf } from '../../core/http/paging.js';
import { servicesCursor } from '../data/cursor.js';
import { explainHit, type SearchHit, type ServiceSearch } from './index.js';
import { serviceFilter, type ServiceQuery } from './query.js';

/** One service in a result list, with why it matched when there was free text. */
export interface FoundService {
  readonly service: Service;
  readonly score?: number;
  readonly matchedFields?: readonly string[];
  readonly matchedTerms?: readonly string[];
}

/** A page of found services. */
export interface FoundPage {
  readonly items: readonly FoundService[];
  readonly total: number;
  readonly matchedAllWords: boolean;
  readonly nextCursor?: string;
}

const rank = (service: Service) => (service.status === 'active' ? 0 : service.status === 'planned' ? 1 : 2);

/** Default page size of service lists. */
export const DEFAULT_PAGE_SIZE = 20;

/** What every query of one collection version shares: services by id, and all of them in list order. */
interface Prepared {
  readonly byId: ReadonlyMap<string, Service>;
  /** Open before planned before retired, then by name. */
  readonly listed: readonly Service[];
}

const prepared = new WeakMap<Collection, Prepared>();
/** The services of a collection by position in its index (the index of that collection version). */
const aligned = new WeakMap<ServiceSearch, { readonly of: Collection; readonly services: readonly (Service | undefined)[] }>();

function prepare(collection: Collection): Prepared {
  let found = prepared.get(collection);
  if (!found) {
    const name = new Intl.Collator('sv');
    found = {
      byId: new Map(collection.services.map((s) => [s.id, s])),
      listed: [...collection.services].sort((a, b) => rank(a) - rank(b) || name.compare(a.name, b.name)),
    };
    prepared.set(collection, found);
  }
  return found;
}

/**
 * Filter, then rank by the free text (or list by name without one), then page. The index is
 * asked for only when there is free text; the reasons for a match are worked out for the page only.
 */
export async function findServices(
  collection: Collection,
  index: () => Promise<ServiceSearch>,
  query: ServiceQuery,
  now: Date,
): Promise<FoundPage> {
  const offset = servicesCursor.decode(query.cursor) ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const { byId, listed } = prepare(collection);
  const passes = serviceFilter(query, now);
  const allowed = (service: Service | undefined): service is Service => service !== undefined && passes(service);
  if (!query.q?.trim()) {
    const found = listed.filter(allowed);
    const page = pageOf(found, offset, limit, servicesCursor);
    return {
      items: page.items.map((service) => ({ service })),
      total: found.length,
      matchedAllWords: true,
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
  const search = await index();
  let at = aligned.get(search);
  if (at?.of !== collection) aligned.set(search, (at = { of: collection, services: search.align(byId) }));
  const { services } = at;
  const result = search.search(query.q, (_, i) => allowed(services[i]));
  // hits come best first; a service that is only planned cannot help anyone yet: keep it, but below
  // those that are open (a stable partition keeps the score order within each group)
  let ranked = result.hits;
  let open = 0;
  while (open < ranked.length && services[ranked[open]!.at]!.status === 'active') open++;
  if (open < ranked.length) {
    const groups: [SearchHit[], SearchHit[], SearchHit[]] = [ranked.slice(0, open), [], []];
    for (let i = open; i < ranked.length; i++) groups[rank(services[ranked[i]!.at]!)]!.push(ranked[i]!);
    ranked = groups.flat();
  }
  const page = pageOf(ranked, offset, limit, servicesCursor);
  return {
    items: page.items.map((hit) => ({ service: services[hit.at]!, score: hit.score, ...explainHit(hit) })),
    total: ranked.length,
    matchedAllWords: result.matchedAllWords,
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
