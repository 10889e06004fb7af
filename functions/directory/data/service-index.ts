import type { AgreementGoalsRow } from '../../core/contracts/agreement-goals.js';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Collection, ServiceIndexEntry } from '../model/collection.js';
import { agreementFrom, agreementState } from '../views/agreement-state.js';

/** The municipalities a service serves: its own list, or the whole area when it names none. */
export function servedMunicipalities(municipalities: readonly string[], config: CountyConfig): string[] {
  return municipalities.length > 0 ? [...municipalities] : config.municipalities.map((m) => m.code);
}

/** `directory/public/service-index.json`: every service that is not retired, for the feedback form. */
export function buildServiceIndex(collection: Collection, config: CountyConfig): ServiceIndexEntry[] {
  return collection.services
    .filter((s) => s.status !== 'retired')
    .map((s) => ({ id: s.id, name: s.name, municipalities: servedMunicipalities(s.municipalities, config) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/**
 * `directory/public/agreement-goals.json`: every agreement in force with goals, for the indicator
 * pages. Not retired, not being drafted or out for consultation, not ended (by status or by date
 * on `now`); only public fields (never contacts or notes), sorted by title.
 */
export function buildAgreementGoals(collection: Pick<Collection, 'agreements'>, now: Date): AgreementGoalsRow[] {
  return collection.agreements
    .filter((a) => a.status !== 'retired' && a.goals.length > 0)
    .filter((a) => {
      const state = agreementState(a, now);
      return !state.expired && !NOT_IN_FORCE.has(state.phase ?? '');
    })
    .map((a) => {
      const from = agreementFrom(a);
      return {
        id: a.id,
        title: a.title,
        parties: [...a.parties],
        ends: a.ends,
        ...(from ? { from } : {}),
        goals: a.goals.map((g) => ({
          text: g.text,
          indicators: [...g.indicators],
          ...(g.target !== undefined ? { target: g.target } : {}),
          direction: g.direction,
          ...(g.baseline !== undefined ? { baseline: g.baseline } : {}),
        })),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
}

/** Life-cycle statuses of an agreement that is not (or no longer) in force. */
const NOT_IN_FORCE = new Set(['under-utarbetande', 'pa-remiss', 'upphort']);
