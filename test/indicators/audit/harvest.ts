import type { Hono } from 'hono';
import type { KitEnv } from '../../../functions/core/http/staff.js';
import { ORGS } from './area-data.js';
import { restore } from '../../../functions/core/csv/index.js';

/** What an anonymous client learns of one cell: its figure, or that it is hidden / not reported. */
export interface Seen {
  readonly value: number | null;
  readonly status: string;
}

/** Everything harvested about one indicator and period: `org/cellKey` → what was seen. */
export type Harvest = Map<string, Seen>;

const cellKeyOf = (breakdown: string, category: string) => (breakdown === 'total' ? 'T' : `${breakdown}:${category}`);
const get = async (app: Hono<KitEnv>, path: string) => {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return res;
};

/**
 * Harvest every public route about `indicator` and `period` as an anonymous client: the tidy JSON
 * export, the paged values, the CSV, area, compare and series answers, the indicator page and the
 * overview. The
 * export is the base; every other route's figures are checked against it, so a route that showed
 * a figure the export hides (or another figure) is reported in `conflicts`.
 */
export async function harvest(app: Hono<KitEnv>, indicator: string, period: string, orgNames: Map<string, string>) {
  const seen: Harvest = new Map();
  const conflicts: string[] = [];
  const check = (route: string, key: string, value: number | null) => {
    const known = seen.get(key);
    if (!known) conflicts.push(`${route}: ${key} is not in the export`);
    else if (known.value !== value) conflicts.push(`${route}: ${key} shows ${value}, the export ${known.value}`);
  };
  const exp = (await (await get(app, `/api/indicators/export.json?indicator=${indicator}&period=${period}`)).json()) as {
    observations: { organization: string; breakdown: string; category: string; value: number | null; status: string }[];
  };
  for (const o of exp.observations)
    seen.set(`${o.organization}/${cellKeyOf(o.breakdown, o.category)}`, { value: o.value, status: o.status });
  const values = (await (
    await get(app, `/api/indicators/values?indicator=${indicator}&period=${period}&limit=5000`)
  ).json()) as typeof exp & {
    items: typeof exp.observations;
  };
  for (const o of values.items) check('values', `${o.organization}/${cellKeyOf(o.breakdown, o.category)}`, o.value);
  const csv = (await (await get(app, `/api/indicators/export.csv?indicator=${indicator}&period=${period}&locale=en`)).text())
    .split('\r\n')
    .slice(1, -1);
  for (const line of csv) {
    // read as a spreadsheet shows it: the apostrophe that keeps a code as text is not part of it
    const cols = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(restore);
    const org = cols[2] ?? '';
    check('csv', `${org}/${cellKeyOf(cols[5] ?? '', cols[6] ?? '')}`, cols[7] ? Number(cols[7]) : null);
  }
  const area = (await (await get(app, `/api/indicators/area?indicator=${indicator}&period=${period}`)).json()) as {
    items: { cells: Record<string, { value: number | null }> }[];
  };
  for (const [key, cell] of Object.entries(area.items[0]?.cells ?? {})) check('area', `area/${key}`, cell.value);
  const compare = (await (await get(app, `/api/indicators/compare?indicator=${indicator}&period=${period}`)).json()) as {
    organizations: { organization: string; cells: Record<string, { value: number | null }> }[];
  };
  for (const row of compare.organizations)
    for (const [key, cell] of Object.entries(row.cells)) check('compare', `${row.organization}/${key}`, cell.value);
  for (const org of [...ORGS, 'area']) {
    const series = (await (await get(app, `/api/indicators/series?indicator=${indicator}&org=${org}`)).json()) as {
      points: { period: string; value: number | null; status: string }[];
    };
    const point = series.points.find((p) => p.period === period);
    if (point && point.status !== 'not-reported') check('series', `${org}/T`, point.value);
  }
  const page = await (await get(app, `/uppfoljning/${indicator}?period=${period}`)).text();
  const table = page.slice(page.lastIndexOf('<table>'));
  const header = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
  const keys = ['T', 'gender:K', 'gender:M', 'age:0-17', 'age:18-25', 'age:26-64', 'age:65+'].slice(0, header.length - 1);
  for (const row of table.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)) {
    const org = orgNames.get(row[1] as string);
    if (!org) continue;
    const cells = [...(row[2] as string).matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1] as string);
    cells.forEach((text, i) => {
      const key = `${org}/${keys[i]}`;
      const value = /^\d+$/.test(text) ? Number(text) : null;
      if (value !== null || seen.get(key)?.status === 'suppressed') check('page', key, value);
    });
  }
  const overview = await (await get(app, '/uppfoljning')).text();
  const card = new RegExp(`href="/uppfoljning/${indicator}"[\\s\\S]*?<strong class="num">([^<]*)</strong>`).exec(overview);
  if (card && /^\d+$/.test(card[1] as string)) check('overview', 'area/T', Number(card[1]));
  return { seen, conflicts };
}
