import type { IndicatorDefinition } from '../core/config/schema.js';
import { indicatorDefinitions } from '../core/config/definitions.js';
import type { AppDeps } from '../core/deps.js';
import { SnapshotCache, type SnapshotOptions } from './data/snapshot.js';
import { dimensionCategories, type Category, type Dimension } from './model/cells.js';
import { staffTable } from './query/publish.js';
import { rawTable, reportingOrganisations, reportsByIndicator } from './query/raw.js';
import type { IndicatorTable, Viewer } from './query/types.js';
import type { ReleaseOptions } from './release/make.js';
import { PublishedCache } from './release/published-cache.js';
import { publicTable } from './release/public-table.js';
import type { Published } from './release/types.js';

/** Options of the indicators app beyond the shared deps. */
export type IndicatorsOptions = SnapshotOptions & ReleaseOptions;

/** What every route module of the indicators service shares. */
export interface IndicatorsContext {
  readonly deps: AppDeps;
  readonly options: IndicatorsOptions;
  readonly definitions: readonly IndicatorDefinition[];
  readonly categories: Record<Dimension, readonly Category[]>;
  /** Raw reports: staff routes and the release step only. */
  readonly cache: SnapshotCache;
  /** The published view: what every public route reads. */
  readonly published: PublishedCache;
  /** The definition with this id, if the area has it. */
  definition(id: string): IndicatorDefinition | undefined;
  /** One indicator's table as `viewer` may see it: released figures for the public. */
  table(id: string, viewer: Viewer): Promise<IndicatorTable>;
  /** Every indicator's table for `viewer`, in definition order. */
  tables(viewer: Viewer): Promise<IndicatorTable[]>;
  /** The published view itself (release dates and revisions). */
  releases(): Promise<Published>;
}

/** Build the shared context: one per app instance (one per warm function). */
export function createIndicatorsContext(deps: AppDeps, options: IndicatorsOptions = {}): IndicatorsContext {
  const definitions = indicatorDefinitions(deps.config);
  const categories = dimensionCategories(deps.config);
  const cache = new SnapshotCache(deps.store, options, deps.log);
  const published = new PublishedCache(
    deps.store,
    options.cacheWindowMs ?? 15_000,
    options.monotonicNow ?? (() => performance.now()),
    deps.log,
  );
  const byId = new Map(definitions.map((d) => [d.id, d]));
  let computed: { version: number; tables: Map<string, IndicatorTable> } | undefined;
  const released = async (def: IndicatorDefinition): Promise<IndicatorTable> => {
    const view = await published.load();
    if (computed?.version !== published.version) computed = { version: published.version, tables: new Map() };
    let found = computed.tables.get(def.id);
    if (!found) computed.tables.set(def.id, (found = publicTable(def, reportingOrganisations(def, deps.config), view)));
    return found;
  };
  const table = async (id: string, viewer: Viewer): Promise<IndicatorTable> => {
    const def = byId.get(id) as IndicatorDefinition;
    const pub = await released(def);
    if (viewer.kind === 'public') return pub;
    const snapshot = await cache.load();
    return staffTable(rawTable(def, deps.config, snapshot, reportsByIndicator(snapshot)), pub, viewer, deps.config);
  };
  return {
    deps,
    options,
    definitions,
    categories,
    cache,
    published,
    definition: (id) => byId.get(id),
    table,
    tables: (viewer) => Promise.all(definitions.map((d) => table(d.id, viewer))),
    releases: () => published.load(),
  };
}
