import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addCountyStacks, type CountyAppOptions } from '../../infra/county-app.js';
import type { CountyStack } from '../../infra/county-stack.js';

/** The feature flags of `cdk.json`, so tests build the app exactly as `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
  return cdkJson.context;
}

/** Options of `synthAreas`. */
export interface SynthOptions extends Partial<CountyAppOptions> {
  /** Run esbuild (slow); template tests leave it off. */
  readonly bundle?: boolean;
  /** Where the cloud assembly goes. */
  readonly outdir?: string;
}

/** A synthesized app: its stacks and their templates, by area id. */
export interface Synthesized {
  readonly app: App;
  readonly stacks: ReadonlyMap<string, CountyStack>;
  readonly templates: ReadonlyMap<string, Template>;
}

/**
 * Build the county app from `config/` (or `configDir`) once. Without `bundle`, functions are not
 * bundled (`aws:cdk:bundling-stacks` is empty), which keeps template tests fast.
 */
export function synthAreas(options: SynthOptions = {}): Synthesized {
  const app = new App({
    outdir: options.outdir,
    context: {
      ...cdkJsonContext(),
      'aws:cdk:enable-asset-metadata': true,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stacks = addCountyStacks(app, {
    configDir: options.configDir ?? 'config',
    areas: options.areas,
    nag: options.nag,
    // Template tests are explicitly local: the kit's configs name no account.
    requireAccount: options.requireAccount ?? false,
  });
  app.synth();
  return {
    app,
    stacks: new Map(stacks.map((s) => [s.node.id.replace('CountyKit-', ''), s])),
    templates: new Map(stacks.map((s) => [s.node.id.replace('CountyKit-', ''), Template.fromStack(s)])),
  };
}
