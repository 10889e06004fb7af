import type { AppDeps } from '../../core/deps.js';
import { toStockholmIso } from '../../core/i18n.js';
import { getJson, putJson, updateJson } from '../../core/store/json.js';
import { PreconditionFailedError } from '../../core/store/store.js';
import type { IndicatorsContext } from '../context.js';
import { deadlinePassed, frequencyOf, releaseDate } from './deadline.js';
import { loadEngine, type DisclosureEngine } from './engine.js';
import { protectChecked } from './protect-checked.js';
import { anythingReported, inputHash, periodTables, readPeriodInput } from './input.js';
import { buildProblem } from './problem.js';
import { releasedTables } from './publish.js';
import { ReleaseRefusedError } from './refused.js';
import { withEarlier } from './revision.js';
import { PUBLISHED_KEY, recordKey, releaseKey, type Published, type Release, type ReleaseRecord } from './types.js';

/** Options of the release step. */
export interface ReleaseOptions {
  /** The disclosure engine (default: the solver, loaded on first use). */
  readonly engine?: () => Promise<DisclosureEngine>;
  /**
   * `'primary-only'` turns protection off: only the primary cells are hidden, with no secondary
   * cells and no fallback. It exists so a test can show that the audit catches what that leaves
   * open; an app never sets it. @default 'audited'
   */
  readonly protection?: 'audited' | 'primary-only';
}

/**
 * Make the next release of `period`: after its reporting deadline, from the reports as they are
 * now, protected against everything earlier releases of the period made public. Writes the frozen
 * release and its record (create-only), then the published view.
 */
export async function makeRelease(
  deps: AppDeps,
  ctx: Pick<IndicatorsContext, 'definitions' | 'categories'>,
  period: string,
  options: ReleaseOptions = {},
): Promise<{ release: Release; record: ReleaseRecord }> {
  const frequency = frequencyOf(period);
  const definitions = ctx.definitions.filter((d) => d.frequency === frequency);
  if (!frequency || definitions.length === 0) throw new ReleaseRefusedError('no-indicators', period);
  const now = deps.clock.now();
  if (!deadlinePassed(period, frequency, deps.config, now))
    throw new ReleaseRefusedError('before-deadline', period, releaseDate(period, frequency, deps.config));
  const input = await readPeriodInput(deps.store, definitions, period, deps.log);
  const tables = periodTables(definitions, deps.config, input, period);
  if (!anythingReported(tables)) throw new ReleaseRefusedError('nothing-reported', period);
  const published = (await getJson<Published>(deps.store, PUBLISHED_KEY))?.value;
  const previousRevision = published?.periods[period]?.revision ?? 0;
  const previous = previousRevision ? (await getJson<ReleaseRecord>(deps.store, recordKey(period, previousRevision)))?.value : undefined;
  const hash = inputHash(tables);
  if (previous?.inputHash === hash) throw new ReleaseRefusedError('nothing-changed', period, String(previousRevision));
  const problem = withEarlier(buildProblem(tables, ctx.categories, deps.config.indicators.protection, deps.config.areas), previous);
  const engine = await (options.engine ?? loadEngine)();
  const outcome = await protectChecked(engine, problem, options.protection === 'primary-only');
  const revision = previousRevision + 1;
  const releasedAt = toStockholmIso(now);
  const sample = input.reports.some((r) => r.current.sample === true) ? { sample: true } : {};
  const release: Release = { period, revision, releasedAt, tables: releasedTables(tables, outcome.hidden, deps.config), ...sample };
  const record: ReleaseRecord = {
    period,
    revision,
    releasedAt,
    inputHash: hash,
    variables: problem.variables,
    equations: problem.equations,
    hidden: [...outcome.hidden],
    log: outcome.log,
    optimal: outcome.optimal,
    informationLoss: outcome.informationLoss,
    solverMs: outcome.solverMs,
    minRangeWidth: outcome.minRangeWidth,
  };
  try {
    await putJson(deps.store, recordKey(period, revision), record, { ifNoneMatch: '*' });
    await putJson(deps.store, releaseKey(period, revision), release, { ifNoneMatch: '*' });
  } catch (error) {
    if (error instanceof PreconditionFailedError) throw new ReleaseRefusedError('concurrent', period, String(revision));
    throw error;
  }
  await updateJson<Published>(deps.store, PUBLISHED_KEY, (current = { releases: [], periods: {} }) => {
    if ((current.periods[period]?.revision ?? 0) >= revision) return current;
    return {
      releases: [...current.releases, { period, revision, releasedAt }],
      periods: { ...current.periods, [period]: release },
    };
  });
  deps.log.info('indicators released', { period, revision, hidden: outcome.hidden.size, optimal: outcome.optimal });
  return { release, record };
}
