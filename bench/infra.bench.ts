import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { loadConfigFile } from '../functions/core/config/load.js';
import { SERVICES } from '../functions/core/routes.js';
import { bundleSettings, esbuildOptions, SOLVER_PACKAGE } from '../infra/bundling.js';
import { handlerEntry } from '../infra/county-stack.js';
import { ms, summarize } from './stats.js';

const exec = promisify(execFile);
const LOAD_RUNS = 15;
/** The targets of issue 16: each bundle at most 500 KB minified, its module load at most 1.3× the baseline's. */
const SIZE_TARGET_BYTES = 500 * 1000;
const LOAD_TARGET = 1.3;
/** Every function of an area: the four services and the staff sign-in function. */
const FUNCTIONS = [...SERVICES, 'staff'] as const;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;

/**
 * The smallest useful function: bare Hono behind the Lambda adapter, plus the AWS SDK's S3 client
 * (issue 16's baseline), with the environment as its only credential source (`BASELINE_ALIAS`).
 */
const BASELINE = `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { S3Client } from '@aws-sdk/client-s3';
const app = new Hono();
const s3 = new S3Client({});
app.get('/', (c) => c.text(String(Boolean(s3))));
export const handler = handle(app);
`;

/** The baseline's bundling besides the functions' own settings: the SDK's credential chain cut to the environment. */
const BASELINE_ALIAS = { '@aws-sdk/credential-provider-node': fileURLToPath(new URL('./baseline-credentials.ts', import.meta.url)) };

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

/** One import of `file` in a fresh Node process: wall and CPU milliseconds, measured inside it. */
async function loadTime(file: string): Promise<{ wall: number; cpu: number }> {
  const script =
    `const c=process.cpuUsage(),t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});` +
    'const w=performance.now()-t,u=process.cpuUsage(c);console.log(w,(u.user+u.system)/1000);';
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '' } });
  const [wall, cpu] = stdout.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  return { wall, cpu };
}

/**
 * `n` module-load times of each bundle, taken in turns (baseline, directory, …, baseline, …) so
 * that a change in the machine's load during the run weighs on every bundle alike.
 */
async function loadTimesInTurns(files: ReadonlyMap<string, string>, n: number): Promise<Map<string, { wall: number[]; cpu: number[] }>> {
  const samples = new Map([...files.keys()].map((name) => [name, { wall: [] as number[], cpu: [] as number[] }]));
  for (let i = 0; i < n; i++)
    for (const [name, file] of files) {
      const { wall, cpu } = await loadTime(file);
      samples.get(name)!.wall.push(wall);
      samples.get(name)!.cpu.push(cpu);
    }
  return samples;
}

/**
 * `npm run bench -- infra`: how long `cdk synth` of all five areas takes; each function bundle's
 * size (esbuild metafile, same options as the stack); and each bundle's module-load time in a
 * fresh Node process beside a bare Hono + S3 client bundle built the same way (median of 15, as a
 * ratio to that baseline).
 */
export async function run(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kit-bench-infra-'));
  try {
    const started = performance.now();
    await exec('npx', ['cdk', 'synth', '--quiet', '-c', 'local=true', '-o', join(work, 'cdk.out')], { maxBuffer: 64 * 1024 * 1024 });
    console.log(`cdk synth, five areas (bundling, nag): ${ms(performance.now() - started)} (one run)`);

    const settings = bundleSettings(loadConfigFile('config/jamtland.yaml'));
    // The baseline must resolve hono and the SDK from this project, so it lives in the ignored .bench folder.
    await mkdir('.bench', { recursive: true });
    const baselineEntry = join('.bench', 'baseline-handler.ts');
    await writeFile(baselineEntry, BASELINE);
    const entries: Array<[string, string]> = [['baseline', baselineEntry], ...FUNCTIONS.map((s): [string, string] => [s, handlerEntry(s)])];
    const bundles = new Map<string, string>();
    for (const [name, entry] of entries) {
      const outfile = join(work, name, 'index.mjs');
      const options = esbuildOptions(settings, entry, outfile);
      // as the stack bundles it: the release step's solver stays outside (see `withSolver`)
      if (name === 'indicators') options.external = [...(options.external ?? []), SOLVER_PACKAGE];
      if (name === 'baseline') options.alias = BASELINE_ALIAS;
      const result = await build(options);
      const bytes = Object.values(result.metafile!.outputs).find((o) => o.entryPoint)!.bytes;
      const over = name !== 'baseline' && bytes > SIZE_TARGET_BYTES ? ` (over the ${kb(SIZE_TARGET_BYTES)} target)` : '';
      console.log(`bundle ${name.padEnd(10)} ${kb(bytes).padStart(7)}${over}   largest: ${largestInputs(result.metafile!)}`);
      bundles.set(name, outfile);
    }

    const times = await loadTimesInTurns(bundles, LOAD_RUNS);
    const baseline = summarize(times.get('baseline')!.wall);
    const baselineCpu = summarize(times.get('baseline')!.cpu);
    console.log(
      `module load, fresh process, n=${LOAD_RUNS} each in turns (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores): ` +
        `baseline median ${ms(baseline.median)} (CPU ${ms(baselineCpu.median)}), p95 ${ms(baseline.p95)}; target ≤ ${LOAD_TARGET}× baseline (wall)`,
    );
    for (const name of FUNCTIONS) {
      const s = summarize(times.get(name)!.wall);
      const cpu = summarize(times.get(name)!.cpu);
      const ratio = s.median / baseline.median;
      console.log(
        `module load ${name.padEnd(10)} median ${ms(s.median)}, p95 ${ms(s.p95)}, ${ratio.toFixed(2)}× baseline${ratio > LOAD_TARGET ? ' (over target)' : ''}; ` +
          `CPU median ${ms(cpu.median)}, ${(cpu.median / baselineCpu.median).toFixed(2)}× baseline`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
