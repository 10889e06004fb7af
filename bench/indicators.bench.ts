import { createHash } from 'node:crypto';
import { createLocalIssuer } from '../functions/core/auth/local-issuer.js';
import { loadConfigFile } from '../functions/core/config/load.js';
import type { CountyConfig, IndicatorDefinition } from '../functions/core/config/schema.js';
import { indicatorDefinitions } from '../functions/core/config/rules.js';
import { fixedClock } from '../functions/core/deps.js';
import { silentLogger } from '../functions/core/log.js';
import {
  encodeCursor,
  decodeCursor,
  PreconditionFailedError,
  type ListPage,
  type Store,
  type StoredObject,
} from '../functions/core/store/store.js';
import { createIndicatorsApp } from '../functions/indicators/app.js';
import { createIndicatorsContext } from '../functions/indicators/context.js';
import { dimensionCategories, cellKey, TOTAL } from '../functions/indicators/model/cells.js';
import { reportKey, type StoredReport } from '../functions/indicators/model/report.js';
import { makeRelease } from '../functions/indicators/release/make.js';
import { rawTable, reportsByIndicator, reportingOrganisations } from '../functions/indicators/query/raw.js';
import { ms, summarize, timeRuns } from './stats.js';

/** An in-memory store with ETags and conditions, counting every request as S3 would bill it. */
class CountingMemoryStore implements Store {
  readonly objects = new Map<string, StoredObject>();
  readonly calls = { get: 0, put: 0, list: 0, delete: 0 };
  async get(key: string, options: { ifNoneMatch?: string } = {}) {
    this.calls.get += 1;
    const found = this.objects.get(key);
    if (found && options.ifNoneMatch === found.etag) return 'not-modified' as const;
    return found;
  }
  async put(key: string, body: Uint8Array | string, options: { ifMatch?: string; ifNoneMatch?: '*' } = {}) {
    this.calls.put += 1;
    const current = this.objects.get(key);
    if ((options.ifNoneMatch && current) || (options.ifMatch && current?.etag !== options.ifMatch)) throw new PreconditionFailedError(key);
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
    this.objects.set(key, { body: bytes, etag });
    return { etag };
  }
  async list(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<ListPage> {
    this.calls.list += 1;
    const after = options.cursor ? decodeCursor(options.cursor) : '';
    const keys = [...this.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const page = keys.slice(0, options.limit ?? 1000);
    const at = new Date('2026-01-01T00:00:00Z');
    return {
      items: page.map((key) => ({ key, size: this.objects.get(key)?.body.length ?? 0, lastModified: at })),
      ...(keys.length > page.length ? { cursor: encodeCursor(page.at(-1) as string) } : {}),
    };
  }
  async delete(key: string) {
    this.calls.delete += 1;
    this.objects.delete(key);
  }
  reset() {
    this.calls.get = this.calls.put = this.calls.list = this.calls.delete = 0;
  }
}

type CustomIndicator = CountyConfig['indicators']['custom'][number];

const extra = (id: string, wide: boolean): CustomIndicator =>
  ({
    id,
    sv: id,
    en: id,
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: wide ? ['gender', 'age', 'principal', 'malbild'] : ['gender', 'age', 'principal'],
    source: 'manual',
    counting: 'each-own',
    definition: {
      counted: { sv: 'Personer (mätdata)', en: 'Persons (benchmark data)' },
      reporter: 'both',
      period: { sv: 'Kvartal', en: 'Quarter' },
      sourceSystem: { sv: 'Genererade värden', en: 'Generated values' },
      limits: { sv: 'Påhittade värden för mätning', en: 'Made-up values for measuring' },
    },
  }) as CustomIndicator;

function periods(): string[] {
  const out: string[] = [];
  for (let y = 2017; y <= 2026; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
  return out;
}

/** Deterministic pseudo-random counts. */
function lcg(seed: number) {
  let s = seed;
  return (max: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % (max + 1);
  };
}

function seed(config: CountyConfig, store: CountingMemoryStore): number {
  const categories = dimensionCategories(config);
  const rand = lcg(7);
  let values = 0;
  const defs = indicatorDefinitions(config);
  const municipalities = config.municipalities.map((m) => m.code);
  for (const def of defs.filter((d) => !d.derived)) {
    for (const period of periods().filter((p) => def.frequency === 'quarter' || p.endsWith('Q4'))) {
      for (const org of municipalities) {
        const cells: Record<string, number> = {};
        const denominators: Record<string, number> = {};
        if (def.unit === 'count') {
          const first = def.breakdown[0];
          const parts = first ? categories[first].map(() => rand(12)) : [rand(40)];
          cells[TOTAL] = parts.reduce((a, b) => a + b, 0);
          for (const d of def.breakdown) {
            const codes = categories[d].map((c) => c.code);
            let left = cells[TOTAL];
            codes.forEach((code, i) => {
              const v = d === first ? (parts[i] as number) : i === codes.length - 1 ? left : rand(left);
              cells[cellKey(d, code)] = v;
              left -= v;
            });
          }
        } else {
          cells[TOTAL] = rand(100);
          denominators[TOTAL] = rand(30);
        }
        values += Object.keys(cells).length;
        const version = { status: 'reported' as const, cells, denominators, reportedBy: 'bench', reportedAt: '2026-01-01T00:00:00+01:00' };
        const report: StoredReport = { indicator: def.id, organization: org, period, current: version, history: [] };
        store.objects.set(reportKey(def.id, period, org), { body: new TextEncoder().encode(JSON.stringify(report)), etag: `"${values}"` });
      }
    }
  }
  const feedback = periods().flatMap((period) =>
    municipalities.flatMap((municipality) => categories.malbild.map((m) => ({ period, malbild: m.code, municipality, count: rand(9) }))),
  );
  const attendance = periods().flatMap((period) =>
    municipalities.flatMap((org) => categories.topic.map((t) => ({ org, period, topic: t.code, count: rand(9) }))),
  );
  store.objects.set('feedback/public/counts.json', { body: new TextEncoder().encode(JSON.stringify(feedback)), etag: '"f"' });
  store.objects.set('calendar/public/attendance.json', { body: new TextEncoder().encode(JSON.stringify(attendance)), etag: '"c"' });
  return values + feedback.length + attendance.length + 2 * periods().length * municipalities.length;
}

/** Releases of the last quarters (cells, hidden, range width, solver time), then public pages over 14 municipalities × 15 indicators × 40 quarters; store requests per public page. */
export async function run(): Promise<void> {
  const base = loadConfigFile('config/norrbotten.yaml');
  // 3 defaults (a median and the two derived ones) and 12 count indicators with 3–4 breakdowns
  const custom = Array.from({ length: 12 }, (_, i) => extra(`bench-count-${i}`, i < 6));
  const config: CountyConfig = {
    ...base,
    indicators: { ...base.indicators, include: ['wait-days-first-visit', 'feedback-received', 'staff-trained'], custom },
  };
  const store = new CountingMemoryStore();
  const values = seed(config, store);
  const defs = indicatorDefinitions(config);
  console.log(
    `${config.municipalities.length} municipalities × ${defs.length} indicators × ${periods().length} periods: ${values} values in ${store.objects.size} objects`,
  );

  let tick = 0;
  const issuer = await createLocalIssuer();
  const deps = { config, store, clock: fixedClock('2027-03-01T10:00:00+01:00'), auth: issuer.auth, log: silentLogger };
  const ctx = createIndicatorsContext(deps, { monotonicNow: () => tick, cacheWindowMs: 15_000 });
  const snapshot = await ctx.cache.load();
  const grouped = reportsByIndicator(snapshot);
  const sip = defs.find((d) => d.id === 'bench-count-0') as IndicatorDefinition;
  const rows = rawTable(sip, config, snapshot, grouped).rows.length;
  console.log(
    `  (${rows} organisation rows of one indicator, ${reportingOrganisations(sip, config).length} organisations expected per period)`,
  );

  // The release step: the last four quarters, each protected once and audited by LP.
  for (const period of periods().slice(-4)) {
    const started = performance.now();
    const { record } = await makeRelease(deps, ctx, period);
    const sensitive = record.variables.filter((v) => v.sensitive).length;
    console.log(
      `release ${period}: ${record.variables.length} cells, ${sensitive} small counts, ${record.hidden.length} hidden, ` +
        `min range width ${record.minRangeWidth}, solver ${ms(record.solverMs)}, whole step ${ms(performance.now() - started)}, ` +
        `information loss ${record.informationLoss.toFixed(1)}${record.optimal ? '' : ' (fallback: hid more)'}`,
    );
  }
  const app = createIndicatorsApp(deps, { monotonicNow: () => tick, cacheWindowMs: 15_000 });
  store.reset();
  const cold = performance.now();
  await app.request('/uppfoljning/bench-count-0');
  console.log(`cold function, first public page: ${ms(performance.now() - cold)}, store requests: ${JSON.stringify(store.calls)}`);
  for (const [label, url] of [
    ['area total (warm, cached view)', '/api/indicators/area?indicator=bench-count-0'],
    ['side by side (warm, cached view)', '/api/indicators/compare?indicator=bench-count-0&period=2024-Q2'],
    ['public page of one indicator (warm)', '/uppfoljning/bench-count-0'],
  ] as const) {
    const s = summarize(await timeRuns(() => app.request(url), 50));
    console.log(`${label}: median ${ms(s.median)}, p95 ${ms(s.p95)}`);
  }
  store.reset();
  await app.request('/uppfoljning/bench-count-0');
  console.log(`store requests for a public page on a warm function within the cache window: ${JSON.stringify(store.calls)}`);
  tick += 20_000;
  store.reset();
  const after = performance.now();
  await app.request('/uppfoljning/bench-count-0');
  console.log(
    `after the window, nothing changed (one conditional read): ${JSON.stringify(store.calls)} in ${ms(performance.now() - after)}`,
  );
  const admin = `Bearer ${await issuer.sign({ roles: ['admin'] })}`;
  const staff = summarize(
    await timeRuns(() => app.request('/api/indicators/compare?indicator=bench-count-0', { headers: { authorization: admin } }), 20),
  );
  console.log(`side by side for an admin (raw working data, computed per request): median ${ms(staff.median)}, p95 ${ms(staff.p95)}`);
}
