import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/core/config/load.js';
import { RefusedError, runAreaCommand, type AreaCommandDeps } from '../../scripts/cdk-area.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-area-cmd-'));
  const source = readFileSync('config/jamtland.yaml', 'utf8');
  writeFileSync(
    join(dir, 'jamtland.yaml'),
    source.replace('aws:\n  region: eu-north-1\n', "aws:\n  account: '111122223333'\n  region: eu-north-1\n"),
  );
  writeFileSync(join(dir, 'sjuharad.yaml'), readFileSync('config/sjuharad.yaml', 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Dependencies that record the CDK calls and report `account` as the caller's. */
function fake(account: string | Error): AreaCommandDeps & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    configDir: dir,
    callerAccount: () => (account instanceof Error ? Promise.reject(account) : Promise.resolve(`${account}\n`)),
    cdk: (args) => {
      calls.push([...args]);
      return Promise.resolve(0);
    },
  };
}

describe('npm run deploy|diff|drift -- <area>', () => {
  it.each(['deploy', 'diff', 'drift'] as const)('runs cdk %s for that one area when the credentials match', async (command) => {
    const deps = fake('111122223333');
    expect(await runAreaCommand(command, 'jamtland', [], deps)).toBe(0);
    expect(deps.calls).toHaveLength(1);
    expect(deps.calls[0]!.slice(0, 4)).toEqual([command, 'CountyKit-jamtland', '-c', 'area=jamtland']);
  });

  it('refuses credentials of another account, in Swedish and English, and runs nothing', async () => {
    const deps = fake('999988887777');
    const refusal = runAreaCommand('deploy', 'jamtland', [], deps);
    await expect(refusal).rejects.toBeInstanceOf(RefusedError);
    await expect(refusal).rejects.toThrow(
      /sv: Inloggningen gäller konto 999988887777.*\nen: The credentials are for account 999988887777/s,
    );
    expect(deps.calls).toEqual([]);
  });

  it('refuses when the credentials cannot be read', async () => {
    const deps = fake(new Error('expired'));
    await expect(runAreaCommand('deploy', 'jamtland', [], deps)).rejects.toThrow(/aws sso login/);
    expect(deps.calls).toEqual([]);
  });

  it('refuses a config without aws.account, naming file, line and key, before asking AWS anything', async () => {
    let asked = false;
    const deps = { ...fake('111122223333'), callerAccount: () => ((asked = true), Promise.resolve('111122223333')) };
    const error = await runAreaCommand('deploy', 'sjuharad', [], deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const line = readFileSync(join(dir, 'sjuharad.yaml'), 'utf8').split('\n').indexOf('aws:') + 1;
    expect((error as ConfigError).problems).toEqual([
      expect.objectContaining({ file: join(dir, 'sjuharad.yaml'), line, key: 'aws.account', sv: expect.stringContaining('saknas') }),
    ]);
    expect(asked).toBe(false);
    expect(deps.calls).toEqual([]);
  });

  it('refuses an area that has no config file, and an id that is not one', async () => {
    await expect(runAreaCommand('diff', 'gotland', [], fake('111122223333'))).rejects.toThrow(/gotland\.yaml finns inte/);
    await expect(runAreaCommand('diff', '../etc', [], fake('111122223333'))).rejects.toThrow(/inget område-id/);
  });
});
