import { putJson } from '../../functions/core/store/json.js';
import type { CountyConfig } from '../../functions/core/config/schema.js';
import { toStockholmIso } from '../../functions/core/i18n.js';
import type { Store } from '../../functions/core/store/store.js';
import { eventKey } from '../../functions/calendar/data/events.js';
import { ledgerKey } from '../../functions/calendar/data/ledger-counts.js';
import { forEachLimit } from '../../functions/calendar/data/limit.js';
import { buildCollection, COLLECTION_KEY } from '../../functions/calendar/data/collection.js';
import { collectionSources } from '../../functions/calendar/context.js';
import type { AppDeps } from '../../functions/core/deps.js';
import type { CalendarEvent } from '../../functions/calendar/model/event.js';
import { hashToken, type Ledger } from '../../functions/calendar/model/ledger.js';
import { trainingTopics } from '../../functions/calendar/model/vocabulary.js';

/** `n` trainings from 2026-03-02 on, four hours apart, over the area's topics and municipalities; every 50th cancelled. */
export function trainings(config: CountyConfig, n: number, prefix = 'seed'): CalendarEvent[] {
  const topics = trainingTopics(config);
  const orgs = config.municipalities.map((m) => m.code);
  const at = '2026-01-01T10:00:00+01:00';
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.parse('2026-03-02T08:00:00Z') + i * 4 * 3600_000);
    return {
      id: `${prefix}-${i}`,
      title: `Utbildning ${i}`,
      description: 'En dag om metoden, med övningar och fika.',
      topic: topics[i % topics.length]!.id,
      organizer: orgs[i % orgs.length]!,
      audienceOrgs: [],
      audienceRoles: [],
      start: toStockholmIso(start),
      end: toStockholmIso(new Date(start.getTime() + 3 * 3600_000)),
      location: { place: 'Kommunhuset', address: 'Storgatan 1' },
      language: 'sv',
      capacity: 30,
      registrationDeadline: toStockholmIso(new Date(start.getTime() - 86400_000)),
      status: i % 50 === 0 ? 'cancelled' : 'scheduled',
      sequence: i % 3,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/**
 * Store `n` trainings, a ledger with one registration for every third, and the collection built
 * from them (as the service keeps it on write). Returns the trainings and the cancel token of each
 * registration (`token-<id>`).
 */
export async function seedCalendar(deps: AppDeps, n: number, prefix = 'seed'): Promise<CalendarEvent[]> {
  const store: Store = deps.store;
  const list = trainings(deps.config, n, prefix);
  await forEachLimit(list, 16, async (e, i) => {
    await putJson(store, eventKey(e.id), e, { ifNoneMatch: '*' });
    if (i % 3) return;
    const ledger: Ledger = {
      eventId: e.id,
      capacity: e.capacity,
      rev: 1,
      entries: [
        {
          id: `r-${e.id}`,
          tokenHash: hashToken(`token-${e.id}`),
          name: 'Anna Andersson',
          email: `anna-${i}@example.se`,
          org: e.organizer,
          status: 'confirmed',
          createdAt: e.createdAt,
        },
      ],
    };
    await putJson(store, ledgerKey(e.id), ledger, { ifNoneMatch: '*' });
  });
  await putJson(store, COLLECTION_KEY, await buildCollection(collectionSources(deps)), { ifNoneMatch: '*' });
  return list;
}
