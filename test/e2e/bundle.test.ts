import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_PATHS, SERVICES, type ServiceName } from '../../functions/core/routes.js';
import { lastCompletedPeriod, previousPeriod } from '../../functions/indicators/model/period.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';
import { synthAreas } from '../infra/synth.js';
import { AREAS, areaConfig } from '../support/deps.js';
import { countyConfigSchema } from '../../functions/core/config/rules.js';
import { bundleSettings, esbuildOptions, SEED_FILE } from '../../infra/bundling.js';
import { handlerEntry } from '../../infra/county-stack.js';
import { httpApiEvent, type HttpApiEventOptions } from './lambda-event.js';

const run = promisify(execFile);
const RUNNER = fileURLToPath(new URL('./run-bundle.mjs', import.meta.url));
/**
 * The size budget of one minified function bundle (the `.mjs` alone; source maps are separate
 * files that Lambda never loads unless asked): 500 KB (issue 16). Measured with
 * `npm run bench -- infra` once the functions sent S3 requests with their own client
 * (`functions/core/store/s3-client.ts`) instead of the AWS SDK, whose S3 client was ≈ 310 KB of
 * every bundle: directory 475 KB, indicators 421 KB, calendar 346 KB, feedback 311 KB, staff
 * 163 KB (before: 774, 720, 644, 608 and 459 KB). The largest parts left are the services' own
 * code, zod (≈ 105 KB) and hono (≈ 44 KB).
 */
const MAX_BUNDLE_BYTES = 500 * 1000;

/** A staff-only write of each service: without a token it must answer 401. */
const STAFF_WRITES: Readonly<Record<ServiceName, string>> = {
  directory: '/api/directory/services.csv',
  calendar: '/api/calendar/import',
  indicators: '/api/indicators/import.csv',
  feedback: '/api/feedback/submissions/e2e',
};

interface LambdaResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded?: boolean;
}

let work: string;
const bundles = new Map<ServiceName, string>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kit-e2e-'));
  const outdir = join(work, 'cdk.out');
  const { templates } = synthAreas({ areas: ['jamtland'], bundle: true, nag: false, outdir });
  const functions = templates.get('jamtland')!.findResources('AWS::Lambda::Function') as Record<
    string,
    { Metadata: Record<string, string> }
  >;
  for (const [logicalId, fn] of Object.entries(functions)) {
    const service = SERVICES.find((s) => logicalId.toLowerCase().startsWith(s));
    if (service) bundles.set(service, join(outdir, fn.Metadata['aws:asset:path']!, 'index.mjs'));
  }
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Call one bundle's handler in a fresh Node process with `env`, once per event. */
async function invoke(service: ServiceName, env: Record<string, string>, events: Array<Record<string, unknown>>): Promise<LambdaResult[]> {
  const eventsFile = join(work, `${service}-events.json`);
  const resultsFile = join(work, `${service}-results.json`);
  writeFileSync(eventsFile, JSON.stringify(events));
  await run(process.execPath, [RUNNER, bundles.get(service)!, eventsFile, resultsFile], {
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env },
    timeout: 60_000,
  });
  return JSON.parse(await readFile(resultsFile, 'utf8')) as LambdaResult[];
}

const header = (r: LambdaResult, name: string) => r.headers[name] ?? r.headers[name.toLowerCase()] ?? '';

describe('the synthesized bundles', () => {
  it('are one per service', () => {
    expect([...bundles.keys()].sort()).toEqual([...SERVICES].sort());
  });

  it.each(SERVICES)('keep the %s bundle under 500 KB minified', (service) => {
    const size = statSync(bundles.get(service)!).size;
    expect(size, `${service}: ${size} bytes; \`npm run bench -- infra\` lists the largest packages`).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it.each(SERVICES)("carry no AWS SDK in the %s bundle: S3 goes through the functions' own client", (service) => {
    // the source map names every file bundled (without its content)
    const { sources } = JSON.parse(readFileSync(`${bundles.get(service)!}.map`, 'utf8')) as { sources: string[] };
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((source) => source.includes('functions/core/store/s3-client.ts'))).toBe(true);
    expect(sources.filter((source) => /@aws-sdk\/|@smithy\//.test(source))).toEqual([]);
  });

  it.each(SERVICES)('carry no config schema in the %s bundle: the config was validated at synth', (service) => {
    const code = readFileSync(bundles.get(service)!, 'utf8');
    // a message of the config rules (`checkBranding`), plain ASCII so minification keeps it as is
    expect(code).not.toContain('Choose a darker colour.');
  });

  it.each(AREAS)("keep %s's directory bundle under 500 KB: its seed ships beside the bundle, not inside", async (area) => {
    // the largest bundle of the largest config (Östergötland's seed alone is ≈ 24 KB); built as the stack builds it
    const outfile = join(work, 'areas', area, 'index.mjs');
    const result = await build(esbuildOptions(bundleSettings(areaConfig(area)), handlerEntry('directory'), outfile));
    const bytes = Object.values(result.metafile!.outputs).find((o) => o.entryPoint)!.bytes;
    expect(bytes, `${area}: ${bytes} bytes`).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it('ship the area seed as seed.json beside the directory bundle and inline no seed in any function', () => {
    const config = areaConfig('jamtland');
    expect(config.directory.seed.units.length).toBeGreaterThan(0);
    const beside = JSON.parse(readFileSync(join(dirname(bundles.get('directory')!), SEED_FILE), 'utf8')) as unknown;
    expect(beside).toEqual(JSON.parse(JSON.stringify(config.directory.seed)));
    const inlined = JSON.parse(JSON.parse(bundleSettings(config).define.__COUNTY_CONFIG__!) as string) as typeof config;
    expect(inlined.directory.seed).toEqual({ units: [], groups: [], agreements: [], plans: [] });
  });

  it.each(AREAS)('inline a config for %s that parsing again would not change', (area) => {
    const inlined = JSON.parse(JSON.parse(bundleSettings(areaConfig(area)).define.__COUNTY_CONFIG__!) as string) as unknown;
    expect(countyConfigSchema.parse(inlined)).toEqual(inlined);
  });

  it.each(SERVICES)('answer 503 problem+json, not a crash, when the %s function lacks its settings', async (service) => {
    const [res] = await invoke(service, { AWS_REGION: 'eu-north-1' }, [httpApiEvent(`${SERVICE_PATHS[service].api}/health`)]);
    expect(res!.statusCode).toBe(503);
    expect(header(res!, 'content-type')).toContain('application/problem+json');
    expect(JSON.parse(res!.body)).toMatchObject({ status: 503, title: expect.any(String) });
  });
});

describe.skipIf(!requireMotoUnderCi())('each bundled handler against S3 on moto', () => {
  let moto: MotoServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    moto = await startMoto();
    env = {
      DATA_BUCKET: await moto.createBucket(),
      AWS_ENDPOINT_URL_S3: moto.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REGION: 'eu-north-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      USER_POOL_ISSUER: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_e2e',
      USER_POOL_CLIENT_ID: 'e2e-client',
      PUBLIC_ORIGIN: 'https://e2e0000000.execute-api.eu-north-1.amazonaws.com',
      NODE_OPTIONS: '--enable-source-maps',
    };
  });
  afterAll(async () => moto?.stop());

  const requests = (service: ServiceName): Array<[string, string, HttpApiEventOptions]> => [
    ['health', `${SERVICE_PATHS[service].api}/health`, {}],
    ['page', SERVICE_PATHS[service].pages[0]!, {}],
    ['unknown', `${SERVICE_PATHS[service].api}/no-such-thing-e2e`, {}],
    ['staff write', STAFF_WRITES[service], { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' }],
  ];

  describe.each(SERVICES)('the %s function', (service) => {
    let results: Map<string, LambdaResult>;
    beforeAll(async () => {
      const list = requests(service);
      const out = await invoke(
        service,
        env,
        list.map(([, path, options]) => httpApiEvent(path, options)),
      );
      results = new Map(list.map(([name], i) => [name, out[i]!]));
    }, 90_000);

    it('answers its health check with 200 JSON', () => {
      const res = results.get('health')!;
      expect(res.statusCode).toBe(200);
      expect(header(res, 'content-type')).toContain('application/json');
      expect(() => JSON.parse(res.body) as unknown).not.toThrow();
    });

    it('serves its public page as HTML in the area branding', () => {
      const res = results.get('page')!;
      expect(res.statusCode).toBe(200);
      expect(header(res, 'content-type')).toContain('text/html');
      expect(res.body).toContain('Jämtland Härjedalen');
      // the directory seeded its empty store from seed.json beside its bundle
      if (service === 'directory') expect(res.body).toContain(areaConfig('jamtland').directory.seed.units[0]!.name);
    });

    it('answers an unknown path with 404 problem+json', () => {
      const res = results.get('unknown')!;
      expect(res.statusCode).toBe(404);
      expect(header(res, 'content-type')).toContain('application/problem+json');
      expect(JSON.parse(res.body)).toMatchObject({ status: 404 });
    });

    it('refuses a staff write without a token with 401 problem+json', () => {
      const res = results.get('staff write')!;
      expect(res.statusCode).toBe(401);
      expect(header(res, 'content-type')).toContain('application/problem+json');
      expect(JSON.parse(res.body)).toMatchObject({ status: 401 });
    });
  });

  it('runs the indicator release step with the solver when the schedule invokes the function', async () => {
    const period = previousPeriod(lastCompletedPeriod('quarter', new Date()), 'quarter');
    const version = {
      status: 'reported',
      cells: { T: 9, 'gender:K': 3, 'gender:M': 6 },
      denominators: {},
      reportedBy: 'e2e',
      reportedAt: '2026-01-01T00:00:00+01:00',
    };
    for (const org of ['2380', '2361'])
      await moto.client().send(
        new PutObjectCommand({
          Bucket: env.DATA_BUCKET,
          Key: `indicators/reports/co-occurring-coordinated/${period}/${org}.json`,
          Body: JSON.stringify({ indicator: 'co-occurring-coordinated', organization: org, period, current: version, history: [] }),
        }),
      );
    const [scheduled, read] = await invoke('indicators', env, [
      { source: 'aws.events', 'detail-type': 'Scheduled Event', task: 'indicator-releases' },
      httpApiEvent(`/api/indicators/compare?indicator=co-occurring-coordinated&period=${period}&org=2380`),
    ]);
    expect(scheduled).toEqual(expect.arrayContaining([{ period, result: 'released' }]));
    expect(read!.statusCode).toBe(200);
    const cells = (JSON.parse(read!.body) as { organizations: { cells: Record<string, { value: number | null; status: string }> }[] })
      .organizations[0]!.cells;
    expect(cells['gender:K']).toEqual({ value: null, status: 'suppressed' });
  }, 90_000);

  it('leaves data in the bucket only under the service prefixes', async () => {
    const listed = await moto.client().send(new ListObjectsV2Command({ Bucket: env.DATA_BUCKET }));
    const keys = (listed.Contents ?? []).map((o) => o.Key ?? '');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !SERVICES.some((s) => k.startsWith(`${s}/`)))).toEqual([]);
  });
});
