import { App } from 'aws-cdk-lib';
import { ConfigError } from '../functions/core/config/load.js';
import { addCountyStacks } from './county-app.js';

// The CDK entry (`npx cdk synth`): one stack per config file. The config folder can be pointed
// elsewhere with `-c configDir=...`, one area chosen with `-c area=jamtland`.
const app = new App();
const configDir = (app.node.tryGetContext('configDir') as string | undefined) ?? 'config';
const area = app.node.tryGetContext('area') as string | undefined;
try {
  addCountyStacks(app, { configDir, areas: area ? [area] : undefined, defaultAccount: process.env.CDK_DEFAULT_ACCOUNT });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Konfigurationen är inte giltig, inget byggdes. / The configuration is not valid, nothing was built.\n${error.message}`);
  process.exit(1);
}
