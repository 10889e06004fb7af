import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile } from '../functions/core/config/load.js';
import { indicatorDefinitions } from '../functions/core/config/rules.js';
import type { Store } from '../functions/core/store/store.js';
import { allowedKoladaCodes, indicatorsByKpi } from '../functions/indicators/national/model.js';
import { NationalImportError, parseKolada } from '../functions/indicators/national/parse.js';
import { storeNational, type ImportSummary } from '../functions/indicators/national/store.js';
import { areaStore } from './area-bucket.js';

const usage =
  'Användning / usage: npm run kolada -- --area <id> [--retrieved ÅÅÅÅ-MM-DD] [--bucket <namn/name> | --deployed] <fil/file.json>';

/** A date as a Stockholm calendar date, `YYYY-MM-DD`. */
export function stockholmDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Options of one import (the store is passed in by tests; the command line opens the area's). */
export interface KoladaImport {
  readonly area: string;
  readonly file: string;
  readonly retrieved?: string;
  readonly store: Store;
  readonly now?: Date;
}

/** Import one Kolada file into the area's store; throws `NationalImportError` (nothing stored) on bad input. */
export async function importKolada(options: KoladaImport): Promise<ImportSummary[]> {
  const config = loadConfigFile(join('config', `${options.area}.yaml`));
  const now = options.now ?? new Date();
  const retrieved = options.retrieved ?? stockholmDate(statSync(options.file).mtime);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(retrieved) || stockholmDate(new Date(`${retrieved}T12:00:00Z`)) !== retrieved)
    throw new NationalImportError(
      `--retrieved: ${retrieved} är inget datum (ÅÅÅÅ-MM-DD).`,
      `--retrieved: ${retrieved} is not a date (YYYY-MM-DD).`,
    );
  if (retrieved > stockholmDate(now))
    throw new NationalImportError(`--retrieved: ${retrieved} ligger i framtiden.`, `--retrieved: ${retrieved} is in the future.`);
  const kpis = indicatorsByKpi(indicatorDefinitions(config));
  const parsed = parseKolada(readFileSync(options.file, 'utf8'), { kpis, codes: allowedKoladaCodes(config) });
  return storeNational(options.store, parsed, { kpis, retrieved, now });
}

/** `npm run kolada -- --area <id> [--retrieved <date>] [--bucket <name> | --deployed] <file.json>`; the local store by default. */
export async function main(argv: string[], openStore = areaStore): Promise<number> {
  let values: { area?: string; retrieved?: string; bucket?: string; deployed?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { area: { type: 'string' }, retrieved: { type: 'string' }, bucket: { type: 'string' }, deployed: { type: 'boolean' } },
    }));
  } catch (error) {
    console.error(`Okänt alternativ / unknown option: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [file, ...rest] = positionals;
  const area = values.area;
  if (!area || !file || rest.length > 0) {
    console.error(usage);
    return 2;
  }
  if (!/^[a-z][a-z0-9-]*$/.test(area)) {
    console.error(`Okänt område / unknown area: ${area}\n${usage}`);
    return 2;
  }
  try {
    statSync(file);
  } catch {
    console.error(`Filen finns inte: ${file}\nThe file does not exist: ${file}`);
    return 2;
  }
  try {
    const local = !values.bucket && !values.deployed;
    const store = await openStore(area, { local, ...(values.bucket ? { bucket: values.bucket } : {}) });
    const summary = await importKolada({ area, file, store, ...(values.retrieved ? { retrieved: values.retrieved } : {}) });
    console.log(`Inläst / imported ${file} (nationell statistik / national statistics, Kolada, RKA):`);
    for (const s of summary) console.log(`  ${s.kpi} → ${s.indicators.join(', ')}: ${s.codes} koder / codes, ${s.values} värden / values`);
    return 0;
  } catch (error) {
    if (error instanceof NationalImportError) {
      console.error(`${error.sv}\n${error.en}\nInget sparades. / Nothing was stored.`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(`config/${area}.yaml har fel eller saknas. / config/${area}.yaml has errors or is missing.\n${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
