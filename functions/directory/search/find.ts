import type { Collection } from '../model/collection.js';
import type { Service } from '../model/service.js';
import { pageOf } from '../../core/http/paging.js';
import { servicesCursor } from '../data/cursor.js';
import type { ServiceSearch } from './index.js';
import { matchesFilters, type ServiceQuery } from './query.js';

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

/** Filter, then rank by the free text (or sort by name without one), then page. The index is built only when needed. */
export function findServices(collection: Collection, index: () => ServiceSearch, query: ServiceQuery, now: Date): FoundPage {
  const offset = servicesCursor.decode(query.cursor) ?? 0;
  const byId = new Map(collection.services.map((s) => [s.id, s]));
  const allowed = new Set(collection.services.filter((s) => matchesFilters(s, query, now)).map((s) => s.id));
  let found: FoundService[];
  let matchedAllWords = true;
  if (query.q?.trim()) {
    const result = index().search(query.q, (id) => allowed.has(id));
    matchedAllWords = result.matchedAllWords;
    found = result.hits
      .flatMap((hit) => {
        const service = byId.get(hit.id);
        return service ? [{ service, score: hit.score, matchedFields: hit.matchedFields, matchedTerms: hit.matchedTerms }] : [];
      })
      // a service that is only planned cannot help anyone yet: keep it, but below those that are open
      .sort((a, b) => rank(a.service) - rank(b.service) || b.score - a.score);
  } else {
    found = [...allowed]
      .map((id) => byId.get(id))
      .filter((s): s is Service => s !== undefined)
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'sv'))
      .map((service) => ({ service }));
  }
  const page = pageOf(found, offset, query.limit ?? DEFAULT_PAGE_SIZE, servicesCursor);
  return { ...page, total: found.length, matchedAllWords };
}
