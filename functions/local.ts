import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateLocalIssuer } from './core/auth/local-issuer.js';
import { ConfigError, loadConfigFile } from './core/config/load.js';
import { systemClock } from './core/deps.js';
import { createLogger } from './core/log.js';
import { FsStore } from './core/store/fs-store.js';
import { listenLocal } from './local-listen.js';
import { localDataDir, localIssuerName } from './local-paths.js';
import { createLocalApp, isLoopbackHost } from './local-server.js';
import { startLocalSchedule, withObjectNotifications } from './local-schedule.js';

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
  const hostname = process.env.HOST || '127.0.0.1';
  const issuer = await loadOrCreateLocalIssuer(join(localDataDir(area), 'issuer-key.json'), localIssuerName(area));
  // The data bucket's object-created notifications' local equivalent: a ledger written is folded
  // into the calendar's lists moments after the response.
  const deps = withObjectNotifications({
    config,
    store: new FsStore(join(localDataDir(area), 'store')),
    clock: systemClock,
    auth: issuer.auth,
    log: createLogger({ service: 'local' }),
    // Without PUBLIC_ORIGIN every request's own origin is the public one, so the site works alike
    // at http://localhost:PORT and http://127.0.0.1:PORT (forms included). On AWS it is always set.
    publicOrigin: process.env.PUBLIC_ORIGIN || undefined,
  });
  const app = createLocalApp(
    deps,
    // Each request's own origin counts as public only when the server answers nothing but loopback
    // names; with HOST=0.0.0.0 (another device on the network) set PUBLIC_ORIGIN as well.
    { jwks: issuer.jwks, issuer, loopbackOnly: !process.env.PUBLIC_ORIGIN && isLoopbackHost(hostname) },
  );
  let listener;
  try {
    listener = await listenLocal(app, { port, hostname });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Porten ${port} används redan. Ange en annan: PORT=3001 npm start\nPort ${port} is in use. Choose another: PORT=3001 npm start`
        : `Servern kunde inte starta / the server could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  // the EventBridge schedules' local equivalent: housekeeping now and every 15 minutes, off the request path
  startLocalSchedule(deps, Number(process.env.HOUSEKEEPING_MINUTES ?? 15) || 15);
  console.log(`${config.branding.siteName}: http://localhost:${listener.port}/`);
  console.log(`För personal / staff sign-in: http://localhost:${listener.port}/logga-in`);
  console.log(
    `Personaltoken / staff token: npm run token -- --area ${area} --role editor --org ${config.municipalities[0]?.code ?? 'region'}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`Kunde inte starta / could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
