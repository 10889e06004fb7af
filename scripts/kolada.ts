import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile } from '../functions/core/config/load.js';
import { FsStore } from '../functions/core/store/fs-store.js';
import { importKolada } from '../functions/indicators/kolada/import.js';
import { localDataDir } from '../functions/local-paths.js';

const usage = 'Användning / usage: npm run kolada -- --area <område/area> <fil/file.json> [--retrieved YYYY-MM-DD]';

function fail(sv: string, en: string): never {
  console.error(`${sv}\n${en}\n${usage}`);
  process.exit(2);
}

/**
 * `npm run kolada -- --area <id> <file.json>`: import national statistics in Kolada API v3's JSON
 * shape into the area's local store, apart from reported values. Every error names its place in
 * the file; with any error nothing is stored.
 */
let parsed: { values: { area?: string; retrieved?: string }; positionals: string[] };
try {
  parsed = parseArgs({ options: { area: { type: 'string' }, retrieved: { type: 'string' } }, allowPositionals: true, strict: true });
} catch {
  fail('Okänt alternativ.', 'Unknown option.');
}
const area = parsed.values.area ?? '';
const [file, ...rest] = parsed.positionals;
if (!file || rest.length > 0) fail('Ange en fil.', 'Give one file.');
const configFile = join('config', `${area}.yaml`);
if (!/^[a-z][a-z0-9-]*$/.test(area) || !existsSync(configFile)) fail(`Okänt område: ${area}`, `Unknown area: ${area}`);
if (!existsSync(file)) fail(`Filen finns inte: ${file}`, `No such file: ${file}`);
try {
  const config = loadConfigFile(configFile);
  const store = new FsStore(join(localDataDir(area), 'store'));
  const result = await importKolada({
    config,
    store,
    text: readFileSync(file, 'utf8'),
    now: new Date(),
    retrievedAt: parsed.values.retrieved,
  });
  if ('errors' in result) {
    console.error(`Inget sparades; ${result.errors.length} fel. / Nothing was stored; ${result.errors.length} error(s).`);
    for (const e of result.errors.slice(0, 50)) console.error(`${file}: ${e.field}\n  sv: ${e.sv ?? e.message}\n  en: ${e.message}`);
    process.exit(1);
  }
  console.log(`Klart / done: ${result.stored} värden / values (Kolada, hämtad / retrieved ${result.retrievedAt}).`);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 'The area config has errors (see above).');
  throw error;
}
