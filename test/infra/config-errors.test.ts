import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Run a command and return its exit code and output, whether or not it fails. */
async function outcome(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const r = await run(cmd, args, { env: { ...process.env, ...env }, timeout: 90_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

let dir: string;
let file: string;
let badLine: number;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-badconfig-'));
  file = join(dir, 'jamtland.yaml');
  const lines = readFileSync('config/jamtland.yaml', 'utf8').split('\n');
  badLine = lines.findIndex((l) => l.includes("code: '2305'")) + 1;
  lines[badLine - 1] = lines[badLine - 1]!.replace("'2305'", "'23X5'");
  writeFileSync(file, lines.join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The located, bilingual message, and no stack trace. */
function expectLocatedMessage(out: string): void {
  expect(out).toContain(`${file}:${badLine}:`);
  expect(out).toContain('municipalities[1].code');
  expect(out).toMatch(/sv: .+/);
  expect(out).toMatch(/en: .+/);
  expect(out).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(out).not.toContain('ConfigError');
}

describe('a broken config file', () => {
  it('stops the CDK app with file, line, key and a message in Swedish and English', async () => {
    const { code, out } = await outcome('npx', ['tsx', 'infra/app.ts'], {
      CDK_CONTEXT_JSON: JSON.stringify({ configDir: dir }),
      CDK_OUTDIR: join(dir, 'out'),
    });
    expect(code).not.toBe(0);
    expectLocatedMessage(out);
  });

  it('stops `cdk synth` the same way', async () => {
    const { code, out } = await outcome('npx', ['cdk', 'synth', '--quiet', '-c', `configDir=${dir}`, '-o', join(dir, 'cdk.out')], {});
    expect(code).not.toBe(0);
    expectLocatedMessage(out);
  });
});

describe('a config file with a municipality of another county', () => {
  let otherDir: string;
  beforeAll(() => {
    otherDir = mkdtempSync(join(tmpdir(), 'kit-badconfig-'));
    const source = readFileSync('config/jamtland.yaml', 'utf8').replace(
      /code: '2303'\n(\s+)name: Ragunda/,
      "code: '0180'\n$1name: Stockholm",
    );
    writeFileSync(join(otherDir, 'jamtland.yaml'), source);
  });
  afterAll(() => rmSync(otherDir, { recursive: true, force: true }));

  it('stops the CDK app naming the code, its municipality and county, in Swedish and English', async () => {
    const { code, out } = await outcome('npx', ['tsx', 'infra/app.ts'], {
      CDK_CONTEXT_JSON: JSON.stringify({ configDir: otherDir }),
      CDK_OUTDIR: join(otherDir, 'out'),
    });
    const line =
      readFileSync(join(otherDir, 'jamtland.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes("code: '0180'")) + 1;
    expect(code).not.toBe(0);
    expect(out).toContain(`${join(otherDir, 'jamtland.yaml')}:${line}:`);
    expect(out).toContain('municipalities[0].code');
    expect(out).toContain('sv: Kommunkoden "0180" är Stockholm i Stockholms län, inte en kommun i Jämtlands län (länskod 23).');
    expect(out).toContain('en: Municipality code "0180" is Stockholm in Stockholms län');
    expect(out).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  });
});
