import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { loadConfigFile } from '../functions/core/config/load.js';
import { SERVICES } from '../functions/core/routes.js';
import { bundleSettings, esbuildOptions } from '../infra/bundling.js';
import { handlerEntry } from '../infra/county-stack.js';
import { ms, summarize } from './stats.js';

const exec = promisify(execFile);
const LOAD_RUNS = 15;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;

/** The smallest useful function: bare Hono behind the Lambda adapter, plus one S3 client. */
const BASELINE = `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { S3Client } from '@aws-sdk/client-s3';
const app = new Hono();
const s3 = new S3Client({});
app.get('/', (c) => c.text(String(Boolean(s3))));
export const handler = handle(app);
`;

/** Bytes in the bundle per package (or per source folder), largest first. */
function largestInputs(metafile: Metafile, top = 4): string {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint)!;
  const sizes = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) {
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, 2).join('/');
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`)
    .join(', ');
}

/** Milliseconds to import `file` in a fresh Node process (measured inside it), `n` times. */
async function loadTimes(file: string, n: number): Promise<number[]> {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});console.log(performance.now()-t);`;
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '' } });
    samples.push(Number(stdout.trim().split('\n').at(-1)));
  }
  return samples;
}

/**
 * `npm run bench -- infra`: how long `cdk synth` of all five areas takes; each function bundle's
 * size (esbuild metafile, same options as the stack); and each bundle's module-load time in a
 * fresh Node process beside a bare Hono + S3 client bundle built the same way.
 */
export async function run(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kit-bench-infra-'));
  try {
    const started = performance.now();
    await exec('npx', ['cdk', 'synth', '--quiet', '-o', join(work, 'cdk.out')], { maxBuffer: 64 * 1024 * 1024 });
    console.log(`cdk synth, five areas (bundling, nag): ${ms(performance.now() - started)} (one run)`);

    const settings = bundleSettings(loadConfigFile('config/jamtland.yaml'));
    // The baseline must resolve hono and the SDK from this project, so it lives in the ignored .bench folder.
    await mkdir('.bench', { recursive: true });
    const baselineEntry = join('.bench', 'baseline-handler.ts');
    await writeFile(baselineEntry, BASELINE);
    const entries: Array<[string, string]> = [...SERVICES.map((s): [string, string] => [s, handlerEntry(s)]), ['baseline', baselineEntry]];
    const bundles = new Map<string, string>();
    for (const [name, entry] of entries) {
      const outfile = join(work, name, 'index.mjs');
      const result = await build(esbuildOptions(settings, entry, outfile));
      const bytes = Object.values(result.metafile!.outputs).find((o) => o.entryPoint)!.bytes;
      console.log(`bundle ${name.padEnd(10)} ${kb(bytes).padStart(7)}   largest: ${largestInputs(result.metafile!)}`);
      bundles.set(name, outfile);
    }

    const baseline = summarize(await loadTimes(bundles.get('baseline')!, LOAD_RUNS));
    console.log(`module load, fresh process, n=${LOAD_RUNS}: baseline median ${ms(baseline.median)}, p95 ${ms(baseline.p95)}`);
    for (const service of SERVICES) {
      const s = summarize(await loadTimes(bundles.get(service)!, LOAD_RUNS));
      console.log(
        `module load ${service.padEnd(10)} median ${ms(s.median)}, p95 ${ms(s.p95)}, ${(s.median / baseline.median).toFixed(2)}× baseline`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
