import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../functions/core/auth/auth.js';
import { loadOrCreateLocalIssuer } from '../functions/core/auth/local-issuer.js';
import { ConfigError, loadConfigFile } from '../functions/core/config/load.js';
import { organisationIds } from '../functions/core/config/rules.js';
import type { CountyConfig } from '../functions/core/config/schema.js';
import { localDataDir, localIssuerName } from '../functions/local-paths.js';

const usage = `Användning / usage: npm run token -- [--area jamtland] --role admin|editor|moderator [--org 2380] [--ttl 28800]`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const OPTIONS = {
  area: { type: 'string', default: 'jamtland' },
  role: { type: 'string', multiple: true },
  org: { type: 'string' },
  ttl: { type: 'string', default: '28800' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// `npm run token --role editor` (without `--`) hands the options to npm, which keeps them as
// npm_config_role=true and passes only their values on: say how to write it instead.
const takenByNpm = ['area', 'role', 'org', 'ttl'].filter((o) => process.env[`npm_config_${o}`] !== undefined);

const dashes =
  'Skriv -- före alternativen, annars tar npm dem: npm run token -- --role editor. / Put -- before the options, or npm takes them: npm run token -- --role editor.';
if (takenByNpm.length > 0) fail(dashes);

let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>;
try {
  parsed = parseArgs({ options: OPTIONS, strict: true });
} catch (error) {
  const code = (error as { code?: string }).code;
  const option = (/'(--?[a-z-]+)/i.exec((error as Error).message)?.[1] ?? '').trim();
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') fail(dashes);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(`Okänt alternativ ${option}. / Unknown option ${option}.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') fail(`Alternativet ${option} behöver ett värde. / Option ${option} needs a value.`);
  fail('Kunde inte läsa alternativen. / Could not read the options.');
}
const { values } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const area = values.area ?? 'jamtland';
const file = join('config', `${area}.yaml`);
if (!/^[a-z][a-z0-9-]*$/.test(area) || !existsSync(file)) fail(`Okänt område / unknown area: ${area}`);
let config: CountyConfig;
try {
  config = loadConfigFile(file);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail(`${file} har fel; kör npm run check-config. / ${file} has errors; run npm run check-config.\n${error.message}`);
}
const roles = (values.role ?? []) as string[];
if (roles.length === 0 || roles.some((r) => !(ROLES as readonly string[]).includes(r)))
  fail('Ange --role admin, editor eller moderator. / Give --role admin, editor or moderator.');
if (roles.includes('editor') && !values.org)
  fail('En redaktör behöver --org (kommunkod eller enhets-id). / An editor needs --org (municipality code or unit id).');
if (values.org && !organisationIds(config).has(values.org))
  fail(`Organisationen "${values.org}" finns inte i ${config.name}. / Organisation "${values.org}" is not in ${config.name}.`);
const ttl = Number(values.ttl);
if (!Number.isInteger(ttl) || ttl < 60 || ttl > 7 * 24 * 3600) fail('--ttl är sekunder, 60–604800. / --ttl is seconds, 60–604800.');

const issuer = await loadOrCreateLocalIssuer(join(localDataDir(area), 'issuer-key.json'), localIssuerName(area));
console.log(await issuer.sign({ roles: roles as Role[], org: values.org, ttlSeconds: ttl, name: values.name }));
