import type { IndicatorDefinition } from '../core/config/schema.js';
import { indicatorDefinitions } from '../core/config/rules.js';
import type { AppDeps } from '../core/deps.js';
import { SnapshotCache, type Snapshot, type SnapshotOptions } from './data/snapshot.js';
import { dimensionCategories, type Category, type Dimension } from './model/cells.js';
import { publishTable } from './query/publish.js';
import { rawTable, reportsByIndicator } from './query/raw.js';
import type { IndicatorTable, Viewer } from './query/types.js';

/** Options of the indicators app beyond the shared deps. */
export type IndicatorsOptions = SnapshotOptions;

/** What every route module of the indicators service shares. */
export interface IndicatorsContext {
  readonly deps: AppDeps;
  readonly definitions: readonly IndicatorDefinition[];
  readonly categories: Record<Dimension, readonly Category[]>;
  readonly cache: SnapshotCache;
  /** The definition with this id, if the area has it. */
  definition(id: string): IndicatorDefinition | undefined;
  /** One indicator's table as `viewer` may see it (public tables are computed once per data version). */
  table(id: string, viewer: Viewer): Promise<IndicatorTable>;
  /** Every indicator's table for `viewer`, in definition order. */
  tables(viewer: Viewer): Promise<IndicatorTable[]>;
}

/** Build the shared context: one per app instance (one per warm function). */
export function createIndicatorsContext(deps: AppDeps, options: IndicatorsOptions = {}): IndicatorsContext {
  const definitions = indicatorDefinitions(deps.config);
  const categories = dimensionCategories(deps.config);
  const cache = new SnapshotCache(deps.store, options);
  let publicTables: { version: number; tables: Map<string, IndicatorTable> } | undefined;
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const build = (snapshot: Snapshot, id: string, viewer: Viewer, grouped = reportsByIndicator(snapshot)) => {
    const def = byId.get(id) as IndicatorDefinition;
    const thresholds = { minCount: def.suppression?.minCount ?? 5, minDenominator: def.suppression?.minDenominator ?? 10 };
    return publishTable(rawTable(def, deps.config, snapshot, grouped), viewer, thresholds);
  };
  const table = async (id: string, viewer: Viewer): Promise<IndicatorTable> => {
    const snapshot = await cache.load();
    if (viewer.kind !== 'public') return build(snapshot, id, viewer);
    if (publicTables?.version !== snapshot.version) publicTables = { version: snapshot.version, tables: new Map() };
    let found = publicTables.tables.get(id);
    if (!found) {
      found = build(snapshot, id, viewer);
      publicTables.tables.set(id, found);
    }
    return found;
  };
  return {
    deps,
    definitions,
    categories,
    cache,
    definition: (id) => byId.get(id),
    table,
    tables: (viewer) => Promise.all(definitions.map((d) => table(d.id, viewer))),
  };
}
