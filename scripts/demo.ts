import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile } from '../functions/core/config/load.js';
import { localDataDir } from '../functions/local-paths.js';
import { DemoError, runDemo, SAMPLE_PREFIX } from './demo/sample.js';
import { ScriptError } from './script-error.js';

const usage = 'Användning / usage: npm run demo -- <område/area> [--force]';

function fail(sv: string, en: string): never {
  console.error(`${sv}\n${en}\n${usage}`);
  process.exit(2);
}

// The sample goes to the local filesystem store only: refuse anything that points elsewhere.
for (const name of ['DATA_BUCKET', 'AWS_LAMBDA_FUNCTION_NAME'])
  if (process.env[name])
    fail(
      `Exempeldata skrivs bara till den lokala lagringen; ta bort ${name} ur miljön.`,
      `Sample data is written to the local store only; remove ${name} from the environment.`,
    );

let parsed: { values: { force?: boolean; help?: boolean }; positionals: string[] };
try {
  parsed = parseArgs({
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
} catch {
  fail(
    'Okänt alternativ. Exempeldata går bara till den lokala lagringen (.data/<område>/store).',
    'Unknown option. Sample data goes to the local store only (.data/<area>/store).',
  );
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
const [area, ...rest] = parsed.positionals;
if (!area || rest.length > 0) fail('Ange ett område.', 'Give one area.');
const file = join('config', `${area}.yaml`);
if (!/^[a-z][a-z0-9-]*$/.test(area) || !existsSync(file)) fail(`Okänt område: ${area}`, `Unknown area: ${area}`);

try {
  const config = loadConfigFile(file);
  const dataDir = localDataDir(area);
  console.log(`Skriver exempeldata till / writing sample data to ${join(dataDir, 'store')} …`);
  const s = await runDemo({ area, config, dataDir, force: parsed.values.force });
  console.log(
    [
      `Klart / done: ${s.trainings} utbildningar / trainings (${s.registrations} anmälningar / registrations, ${s.waitlisted} på väntelista / waitlisted),`,
      `${s.reports} rapporter / reports, publicerade perioder / released periods: ${s.releases.join(', ') || '–'},`,
      `${s.feedback} synpunkter / feedback (${s.published} citat / quotes).`,
      `Allt är märkt "${SAMPLE_PREFIX}" eller "Exempeldata". / Everything is marked "${SAMPLE_PREFIX}" or "Exempeldata".`,
      `Starta / start: npm start -- ${area}`,
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof DemoError || error instanceof ScriptError) {
    console.error(`${error.sv}\n${error.en}`);
    process.exit(1);
  }
  if (error instanceof ConfigError) {
    console.error(`${file} har fel; kör npm run check-config. / ${file} has errors; run npm run check-config.\n${error.message}`);
    process.exit(2);
  }
  throw error;
}
