import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../functions/core/auth/auth.js';
import { loadOrCreateLocalIssuer } from '../functions/core/auth/local-issuer.js';
import { loadConfigFile } from '../functions/core/config/load.js';
import { organisationIds } from '../functions/core/config/rules.js';
import { localDataDir, localIssuerName } from '../functions/local-paths.js';

const usage = `Användning / usage: npm run token -- [--area jamtland] --role admin|editor|moderator [--org 2380] [--ttl 28800]`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    area: { type: 'string', default: 'jamtland' },
    role: { type: 'string', multiple: true },
    org: { type: 'string' },
    ttl: { type: 'string', default: '28800' },
    name: { type: 'string' },
  },
  strict: true,
});
const area = values.area ?? 'jamtland';
const file = join('config', `${area}.yaml`);
if (!/^[a-z][a-z0-9-]*$/.test(area) || !existsSync(file)) fail(`Okänt område / unknown area: ${area}`);
const config = loadConfigFile(file);
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
