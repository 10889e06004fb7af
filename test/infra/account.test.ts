import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/core/config/load.js';
import { synthAreas } from './synth.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-account-'));
  writeFileSync(join(dir, 'jamtland.yaml'), readFileSync('config/jamtland.yaml', 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the account of an area', () => {
  it('is required at synth for deploy, with file, line and key in Swedish and English', () => {
    const error = (() => {
      try {
        synthAreas({ configDir: dir, nag: false, requireAccount: true });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const line = readFileSync('config/jamtland.yaml', 'utf8').split('\n').indexOf('aws:') + 1;
    expect((error as ConfigError).message).toContain(`${join(dir, 'jamtland.yaml')}:${line}:1 aws.account`);
    expect((error as ConfigError).message).toMatch(/sv: aws\.account saknas.*\n\s+en: aws\.account is missing/);
  });

  it('stops the CDK app unless the synth is explicitly local', async () => {
    const env = { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ configDir: dir }), CDK_OUTDIR: join(dir, 'out') };
    const refused = await promisify(execFile)('npx', ['tsx', 'infra/app.ts'], { env }).then(
      () => undefined,
      (e: { stderr: string }) => e.stderr,
    );
    expect(refused).toContain('aws.account');
    expect(refused).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }, 60_000);

  it('binds the stack to the account named in the config', () => {
    const source = readFileSync('config/jamtland.yaml', 'utf8').replace('aws:\n  region', "aws:\n  account: '111122223333'\n  region");
    writeFileSync(join(dir, 'jamtland.yaml'), source);
    const { stacks, templates } = synthAreas({ configDir: dir, nag: false, requireAccount: true });
    expect(stacks.get('jamtland')!.account).toBe('111122223333');
    expect(templates.get('jamtland')!.toJSON().Rules?.AccountNotSet).toBeUndefined();
  });

  it('marks a local template (no account) so that CloudFormation refuses it', () => {
    writeFileSync(join(dir, 'jamtland.yaml'), readFileSync('config/jamtland.yaml', 'utf8'));
    const t = synthAreas({ configDir: dir, nag: false }).templates.get('jamtland')!.toJSON() as {
      Rules: Record<string, { Assertions: { AssertDescription: string }[] }>;
    };
    expect(t.Rules.AccountNotSet!.Assertions[0]!.AssertDescription).toContain('aws.account');
  });
});
