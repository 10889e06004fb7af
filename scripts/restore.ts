import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { SERVICES } from '../functions/core/routes.js';
import { areaBucket, scriptS3Client } from './area-bucket.js';
import { ScriptError } from './script-error.js';

/** Thrown with a bilingual message when a restore must not run; nothing has been changed. */
export class RestoreError extends ScriptError {}

/** What happens to one key. */
export interface RestoreStep {
  readonly key: string;
  /** `copy`: the version current at the time becomes current again; `delete`: the key did not exist then. */
  readonly action: 'copy' | 'delete';
  /** The version copied (for `copy`). */
  readonly versionId?: string;
}

/** The plan of a restore: what changes and what stays. */
export interface RestorePlan {
  readonly bucket: string;
  readonly prefixes: readonly string[];
  readonly at: Date;
  readonly steps: readonly RestoreStep[];
  /** Keys already as they were at `at`. */
  readonly unchanged: number;
}

/** Options of `planRestore`. */
export interface RestoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** The time to go back to. */
  readonly at: Date;
  /**
   * One service's prefix or a folder below it, e.g. `directory/` or `feedback/public/`.
   * @default - every service prefix of the area
   */
  readonly prefix?: string;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** The prefixes a restore may touch: the four services' own. */
export function restorePrefixes(prefix: string | undefined): string[] {
  if (prefix === undefined || prefix === '') return SERVICES.map((s) => `${s}/`);
  if (!SERVICES.some((s) => prefix.startsWith(`${s}/`)) || prefix.includes('..')) {
    throw new RestoreError(
      `Prefixet "${prefix}" hör inte till området. Tillåtna: ${SERVICES.map((s) => `${s}/`).join(', ')} eller en mapp under dem.`,
      `The prefix "${prefix}" is not one of the area's. Allowed: ${SERVICES.map((s) => `${s}/`).join(', ')} or a folder below them.`,
    );
  }
  return [prefix];
}

interface Entry {
  readonly versionId: string;
  readonly modified: Date;
  readonly latest: boolean;
  readonly deleteMarker: boolean;
  readonly etag?: string;
}

async function versionsUnder(client: S3Client, bucket: string, prefix: string): Promise<Map<string, Entry[]>> {
  const byKey = new Map<string, Entry[]>();
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const page: ListObjectVersionsCommandOutput = await client.send(
      new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
    );
    const add = (key: string | undefined, e: Entry) => key && byKey.set(key, [...(byKey.get(key) ?? []), e]);
    for (const v of page.Versions ?? [])
      add(v.Key, {
        versionId: v.VersionId ?? 'null',
        modified: v.LastModified!,
        latest: v.IsLatest === true,
        deleteMarker: false,
        etag: v.ETag,
      });
    for (const m of page.DeleteMarkers ?? [])
      add(m.Key, { versionId: m.VersionId ?? 'null', modified: m.LastModified!, latest: m.IsLatest === true, deleteMarker: true });
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker);
  return byKey;
}

/** The entry that was current at `at` (the newest not after it), if any. */
function currentAt(entries: readonly Entry[], at: Date): Entry | undefined {
  return entries
    .filter((e) => e.modified.getTime() <= at.getTime())
    .sort((a, b) => b.modified.getTime() - a.modified.getTime() || Number(b.latest) - Number(a.latest))[0];
}

/**
 * Work out, without changing anything, what putting every object under the prefix back to its
 * state at `at` takes: for each key, copy the version current then as the new current version,
 * or add a delete marker where the key did not exist then. Both can be undone by a later restore.
 *
 * @example
 * const plan = await planRestore({ client, bucket, at: new Date('2026-11-20T08:00:00Z'), prefix: 'directory/' });
 */
export async function planRestore(options: RestoreOptions): Promise<RestorePlan> {
  const { client, bucket, at } = options;
  const now = (options.now ?? (() => new Date()))();
  if (Number.isNaN(at.getTime())) {
    throw new RestoreError(
      'Tiden kunde inte läsas; skriv t.ex. 2026-11-20T08:00:00+01:00.',
      'The time could not be read; write e.g. 2026-11-20T08:00:00+01:00.',
    );
  }
  if (at.getTime() > now.getTime()) {
    throw new RestoreError(`Tiden ${at.toISOString()} ligger i framtiden.`, `The time ${at.toISOString()} is in the future.`);
  }
  const prefixes = restorePrefixes(options.prefix);
  const buckets = await client.send(new ListBucketsCommand({}));
  const created = buckets.Buckets?.find((b) => b.Name === bucket)?.CreationDate;
  if (created && at.getTime() < created.getTime()) {
    throw new RestoreError(
      `Tiden ${at.toISOString()} är före ${created.toISOString()}, då bucketen skapades.`,
      `The time ${at.toISOString()} is before ${created.toISOString()}, when the bucket was created.`,
    );
  }
  const steps: RestoreStep[] = [];
  let unchanged = 0;
  for (const prefix of prefixes) {
    for (const [key, entries] of [...(await versionsUnder(client, bucket, prefix))].sort(([a], [b]) => a.localeCompare(b))) {
      const then = currentAt(entries, at);
      const current = entries.find((e) => e.latest);
      const existedThen = then !== undefined && !then.deleteMarker;
      const existsNow = current !== undefined && !current.deleteMarker;
      // Same content (ETag) counts as restored: a restore makes a new version with the old bytes.
      const same =
        existsNow && existedThen && (current.versionId === then.versionId || (then.etag !== undefined && current.etag === then.etag));
      if (existedThen && !same) {
        steps.push({ key, action: 'copy', versionId: then.versionId });
      } else if (!existedThen && existsNow) {
        steps.push({ key, action: 'delete' });
      } else unchanged++;
    }
  }
  return { bucket, prefixes, at, steps, unchanged };
}

/** Carry out a plan made by `planRestore`, one key at a time; returns how many keys changed. */
export async function applyRestore(client: S3Client, plan: RestorePlan): Promise<number> {
  for (const step of plan.steps) {
    if (step.action === 'copy') {
      const source = `${plan.bucket}/${step.key.split('/').map(encodeURIComponent).join('/')}?versionId=${encodeURIComponent(step.versionId!)}`;
      await client.send(new CopyObjectCommand({ Bucket: plan.bucket, Key: step.key, CopySource: source }));
    } else {
      await client.send(new DeleteObjectCommand({ Bucket: plan.bucket, Key: step.key }));
    }
  }
  return plan.steps.length;
}

/** The plan as lines for a person to read. */
export function describePlan(plan: RestorePlan): string[] {
  const copies = plan.steps.filter((s) => s.action === 'copy').length;
  const deletes = plan.steps.length - copies;
  return [
    `Återställ / restore ${plan.bucket} ${plan.prefixes.join(' ')} → ${plan.at.toISOString()}`,
    `  ${copies} återställs till äldre version / put back to an older version`,
    `  ${deletes} tas bort (fanns inte då) / removed (did not exist then)`,
    `  ${plan.unchanged} oförändrade / unchanged`,
    ...plan.steps.map((s) => `  ${s.action === 'copy' ? 'copy  ' : 'delete'} ${s.key}${s.versionId ? ` (version ${s.versionId})` : ''}`),
  ];
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      area: { type: 'string' },
      at: { type: 'string' },
      prefix: { type: 'string' },
      bucket: { type: 'string' },
      apply: { type: 'boolean' },
    },
  });
  if (!values.area || !values.at) {
    console.error('Användning / usage: npm run restore -- --area <id> --at <tid/time> [--prefix directory/] [--apply]');
    return 2;
  }
  try {
    const client = scriptS3Client();
    const bucket = values.bucket ?? (await areaBucket(values.area));
    const plan = await planRestore({ client, bucket, at: new Date(values.at), prefix: values.prefix });
    for (const line of describePlan(plan)) console.log(line);
    if (!values.apply) {
      console.log('Provkörning: inget ändrades. Kör igen med --apply. / Dry run: nothing changed. Run again with --apply.');
      return 0;
    }
    console.log(`Klart / done: ${await applyRestore(client, plan)}`);
    return 0;
  } catch (error) {
    if (error instanceof RestoreError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
