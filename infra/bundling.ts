import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import type { CountyConfig } from '../functions/core/config/schema.js';

/** The esbuild settings shared by the stack's functions and the bundle benchmark. */
export interface BundleSettings {
  readonly target: string;
  readonly format: 'esm';
  readonly minify: true;
  readonly mainFields: readonly string[];
  readonly define: Readonly<Record<string, string>>;
  /** Nothing is left to the runtime: every dependency is bundled, pinned to the version we test (no AWS SDK among them). */
  readonly external: readonly string[];
  readonly sourcemap: true;
  readonly sourcesContent: false;
  readonly jsx: 'automatic';
  readonly jsxImportSource: string;
  /**
   * The area's directory seed as JSON. It is not inlined: only the directory needs it, and only
   * when its store is empty, so it ships as a file beside the directory's bundle (`withSeed`).
   */
  readonly seed: string;
}

/**
 * How every function of an area is bundled: ESM, minified, `module` before `main`, every
 * dependency inside (S3 through the functions' own client, `functions/core/store/s3-client.ts`,
 * not the AWS SDK), source maps without sources, and the area's config inlined as `__COUNTY_CONFIG__`
 * (the handler reads that constant, so a function never reads config at run time), all but the
 * directory's seed, which the directory function gets as a file (`withSeed`).
 *
 * @example
 * const settings = bundleSettings(loadConfigFile('config/jamtland.yaml'));
 */
export function bundleSettings(config: CountyConfig): BundleSettings {
  return {
    target: 'node24',
    format: 'esm',
    minify: true,
    mainFields: ['module', 'main'],
    define: { __COUNTY_CONFIG__: JSON.stringify(JSON.stringify(withoutSeed(config))) },
    external: [],
    sourcemap: true,
    sourcesContent: false,
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    seed: JSON.stringify(config.directory.seed),
  };
}

/** The config a function inlines: all of it but the directory's seed (see `BundleSettings.seed`). */
function withoutSeed(config: CountyConfig): CountyConfig {
  return { ...config, directory: { ...config.directory, seed: { units: [], groups: [], agreements: [], plans: [] } } };
}

/** The name of the directory's seed file beside its bundle (`functions/directory/handler.ts` reads it). */
export const SEED_FILE = 'seed.json';

/**
 * Bundling for the directory function: the area's seed (`settings.seed`) is copied beside the
 * bundle as `seed.json`, which the function reads when it builds its app. The file is written to
 * a new private folder under the system's temporary folder (never a predictable path another user
 * could prepare).
 *
 * @example
 * new ServiceFunction(this, 'Directory', { ..., bundling: withSeed(bundling, settings.seed) });
 */
export function withSeed(bundling: BundlingOptions, seed: string): BundlingOptions {
  const file = join(mkdtempSync(join(tmpdir(), 'county-kit-seed-')), SEED_FILE);
  writeFileSync(file, seed);
  return afterBundling(bundling, (_inputDir, outputDir) => [`cp "${file}" "${outputDir}/${SEED_FILE}"`]);
}

/** `bundling` with `commands` run after esbuild, after any commands it already runs there. */
function afterBundling(bundling: BundlingOptions, commands: (inputDir: string, outputDir: string) => string[]): BundlingOptions {
  const earlier = bundling.commandHooks;
  return {
    ...bundling,
    commandHooks: {
      beforeBundling: (inputDir, outputDir) => earlier?.beforeBundling(inputDir, outputDir) ?? [],
      beforeInstall: (inputDir, outputDir) => earlier?.beforeInstall(inputDir, outputDir) ?? [],
      afterBundling: (inputDir, outputDir) => [...(earlier?.afterBundling(inputDir, outputDir) ?? []), ...commands(inputDir, outputDir)],
    },
  };
}

/** `bundleSettings` as `NodejsFunction` bundling options (local esbuild, never Docker). */
export function nodejsBundling(settings: BundleSettings): BundlingOptions {
  return {
    forceDockerBundling: false,
    target: settings.target,
    format: OutputFormat.ESM,
    minify: settings.minify,
    mainFields: [...settings.mainFields],
    define: { ...settings.define },
    externalModules: [...settings.external],
    sourceMap: settings.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: settings.sourcesContent,
    esbuildArgs: {
      '--jsx': settings.jsx,
      '--jsx-import-source': settings.jsxImportSource,
    },
  };
}

/** The solver package the release step loads on first use (JavaScript glue and a 3.5 MB WebAssembly file). */
export const SOLVER_PACKAGE = 'highs';

/**
 * Bundling for the one function that runs the release step: the solver stays outside the bundle
 * (so the bundle keeps its size budget and a public request never parses it) and its package —
 * `package.json`, the ESM glue and the `.wasm` it loads from beside itself — is copied into the
 * asset's `node_modules`, where the release step's dynamic `import('highs')` finds it.
 *
 * @example
 * new ServiceFunction(this, 'Indicators', { ..., bundling: withSolver(bundling) });
 */
export function withSolver(bundling: BundlingOptions): BundlingOptions {
  const files = ['package.json', 'build/highs.mjs', 'build/highs.wasm'];
  return afterBundling({ ...bundling, externalModules: [...(bundling.externalModules ?? []), SOLVER_PACKAGE] }, (inputDir, outputDir) => [
    `mkdir -p "${outputDir}/node_modules/${SOLVER_PACKAGE}/build"`,
    ...files.map((f) => `cp "${inputDir}/node_modules/${SOLVER_PACKAGE}/${f}" "${outputDir}/node_modules/${SOLVER_PACKAGE}/${f}"`),
  ]);
}

/** `bundleSettings` as esbuild build options, for bundling a handler outside CDK (the benchmark). */
export function esbuildOptions(settings: BundleSettings, entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: settings.target,
    format: settings.format,
    minify: settings.minify,
    mainFields: [...settings.mainFields],
    define: { ...settings.define },
    external: [...settings.external],
    sourcemap: settings.sourcemap,
    sourcesContent: settings.sourcesContent,
    jsx: settings.jsx,
    jsxImportSource: settings.jsxImportSource,
    metafile: true,
    logLevel: 'silent',
  };
}
