import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfigFile } from '../functions/core/config/load.js';
import { requireAccount } from './account.js';
import { CountyStack } from './county-stack.js';

/** Options of `addCountyStacks`. */
export interface CountyAppOptions {
  /** The folder with `<area>.yaml` files. */
  readonly configDir: string;
  /**
   * Only these areas (ids), e.g. to synthesize one area quickly.
   * @default - every config file in the folder
   */
  readonly areas?: readonly string[];
  /**
   * Refuse a config without `aws.account` (a `ConfigError` naming file, line and key). Only an
   * explicitly local synth (tests, `npm run synth`) turns this off; its stacks are account-agnostic
   * and carry a rule that makes CloudFormation refuse them.
   * @default true
   */
  readonly requireAccount?: boolean;
  /**
   * Run the cdk-nag AwsSolutions pack on synth.
   * @default true
   */
  readonly nag?: boolean;
}

/** The stack name of an area, e.g. `CountyKit-jamtland`. */
export const stackName = (areaId: string): string => `CountyKit-${areaId}`;

/**
 * Add one `CountyStack` per config file to `app` and apply cdk-nag. Throws `ConfigError` (with
 * file, line and key) when a config file is invalid, before anything is built.
 *
 * @example
 * const stacks = addCountyStacks(new App(), { configDir: 'config' });
 */
export function addCountyStacks(app: App, options: CountyAppOptions): CountyStack[] {
  const files = readdirSync(options.configDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .filter((f) => !options.areas || options.areas.includes(f.replace(/\.ya?ml$/, '')))
    .sort();
  // Validate every file first, so one bad file stops synth before anything is bundled.
  const configs = files.map((f) => {
    const file = join(options.configDir, f);
    const config = loadConfigFile(file);
    if (options.requireAccount !== false) requireAccount(config, file);
    return config;
  });
  const stacks = configs.map(
    (config) =>
      new CountyStack(app, stackName(config.id), {
        config,
        env: { account: config.aws.account, region: config.aws.region },
        terminationProtection: true,
      }),
  );
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stacks;
}
