import { App } from 'aws-cdk-lib';
import { ConfigError } from '../functions/core/config/load.js';
import { addCountyStacks } from './county-app.js';

// The CDK entry (`npx cdk synth`): one stack per config file. The config folder can be pointed
// elsewhere with `-c configDir=...`, one area chosen with `-c area=jamtland`.
const app = new App();
const configDir = (app.node.tryGetContext('configDir') as string | undefined) ?? 'config';
const area = app.node.tryGetContext('area') as string | undefined;
// `-c local=true`: inspect templates without an account (never deployable, see CountyStack).
const local = String(app.node.tryGetContext('local')) === 'true';
try {
  addCountyStacks(app, { configDir, areas: area ? [area] : undefined, requireAccount: !local });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Konfigurationen är inte giltig, inget byggdes. / The configuration is not valid, nothing was built.\n${error.message}`);
  process.exit(1);
}
