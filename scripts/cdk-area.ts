import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError, loadConfigFile } from '../functions/core/config/load.js';
import { requireAccount } from '../infra/account.js';
import { stackName } from '../infra/county-app.js';
import { ScriptError } from './script-error.js';

/** The CDK commands one area can be given. */
export const AREA_COMMANDS = ['deploy', 'diff', 'drift'] as const;
/** One of `AREA_COMMANDS`. */
export type AreaCommand = (typeof AREA_COMMANDS)[number];

/** What `runAreaCommand` needs from the outside world; tests pass their own. */
export interface AreaCommandDeps {
  /** The account id of the current AWS credentials. */
  readonly callerAccount: () => Promise<string>;
  /** Run the CDK CLI with these arguments (output shown as it comes); resolves to its exit code. */
  readonly cdk: (args: readonly string[]) => Promise<number>;
  /** @default 'config' */
  readonly configDir?: string;
  readonly out?: (line: string) => void;
}

/** Thrown with a bilingual message when the command must not run. */
export class RefusedError extends ScriptError {}

/**
 * Check the area's config, that it names an account and that the credentials belong to that
 * account, then run `cdk <command> CountyKit-<area> -c area=<area>` (only that area is synthesized).
 *
 * @example
 * await runAreaCommand('deploy', 'jamtland', [], defaultDeps());
 */
export async function runAreaCommand(command: AreaCommand, area: string, extra: readonly string[], deps: AreaCommandDeps): Promise<number> {
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(area)) {
    throw new RefusedError(`"${area}" är inget område-id.`, `"${area}" is not an area id.`);
  }
  const file = join(deps.configDir ?? 'config', `${area}.yaml`);
  if (!existsSync(file)) throw new RefusedError(`Filen ${file} finns inte.`, `The file ${file} does not exist.`);
  const config = loadConfigFile(file);
  const account = requireAccount(config, file);
  let caller: string;
  try {
    caller = (await deps.callerAccount()).trim();
  } catch {
    throw new RefusedError(
      'Kunde inte ta reda på vilket AWS-konto inloggningen gäller. Logga in (aws sso login) och försök igen.',
      'Could not find out which AWS account the credentials belong to. Sign in (aws sso login) and try again.',
    );
  }
  if (caller !== account) {
    throw new RefusedError(
      `Inloggningen gäller konto ${caller}, men ${file} (aws.account) anger ${account}. Inget gjordes.`,
      `The credentials are for account ${caller}, but ${file} (aws.account) names ${account}. Nothing was done.`,
    );
  }
  const args = [command, stackName(area), '-c', `area=${area}`, ...(command === 'deploy' ? ['--progress', 'events'] : []), ...extra];
  deps.out?.(`cdk ${args.join(' ')}  (konto/account ${account}, ${config.aws.region})`);
  return deps.cdk(args);
}

/** The real dependencies: the AWS CLI for the caller's account, the project's own CDK CLI. */
export function defaultDeps(): AreaCommandDeps {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return {
    callerAccount: async () =>
      (await promisify(execFile)('aws', ['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'])).stdout,
    cdk: (args) =>
      new Promise((resolve) => {
        const child = spawn(join(root, 'node_modules', '.bin', 'cdk'), args, { stdio: 'inherit', cwd: root });
        child.on('close', (code) => resolve(code ?? 1));
      }),
    out: (line) => console.log(line),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, area, ...extra] = argv;
  if (!AREA_COMMANDS.includes(command as AreaCommand) || !area) {
    console.error('Användning / usage: npm run deploy|diff|drift -- <område/area>');
    return 2;
  }
  try {
    return await runAreaCommand(command as AreaCommand, area, extra, defaultDeps());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RefusedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
