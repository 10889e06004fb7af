import { serve } from '@hono/node-server';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateLocalIssuer } from './core/auth/local-issuer.js';
import { ConfigError, loadConfigFile } from './core/config/load.js';
import { systemClock } from './core/deps.js';
import { createLogger } from './core/log.js';
import { FsStore } from './core/store/fs-store.js';
import { localDataDir, localIssuerName } from './local-paths.js';
import { createLocalApp } from './local-server.js';

async function main(): Promise<void> {
  const area = process.argv[2] ?? 'jamtland';
  const file = join('config', `${area}.yaml`);
  if (!/^[a-z][a-z0-9-]*$/.test(area) || !existsSync(file)) {
    const known = readdirSync('config')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    console.error(`Okänt område "${area}". Välj ett av: ${known.join(', ')}.\nUnknown area "${area}". Choose one of: ${known.join(', ')}.`);
    process.exit(2);
  }
  const config = loadConfigFile(file);
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT måste vara ett heltal 1–65535. / PORT must be a whole number 1–65535 (got "${process.env.PORT}").`);
    process.exit(2);
  }
  const issuer = await loadOrCreateLocalIssuer(join(localDataDir(area), 'issuer-key.json'), localIssuerName(area));
  const app = createLocalApp(
    {
      config,
      store: new FsStore(join(localDataDir(area), 'store')),
      clock: systemClock,
      auth: issuer.auth,
      log: createLogger({ service: 'local' }),
      publicOrigin: process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`,
    },
    { jwks: issuer.jwks, issuer },
  );
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
    console.log(`${config.branding.siteName}: http://localhost:${info.port}/`);
    console.log(`För personal / staff sign-in: http://localhost:${info.port}/logga-in`);
    console.log(
      `Personaltoken / staff token: npm run token -- --area ${area} --role editor --org ${config.municipalities[0]?.code ?? 'region'}`,
    );
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Porten ${port} används redan. Ange en annan: PORT=3001 npm start\nPort ${port} is in use. Choose another: PORT=3001 npm start`
        : `Servern kunde inte starta / the server could not start: ${error.message}`,
    );
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`Kunde inte starta / could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
