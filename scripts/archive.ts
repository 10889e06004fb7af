import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SERVICES } from '../functions/core/routes.js';
import type { Store } from '../functions/core/store/store.js';
import { ScriptError } from './script-error.js';

/** The archive format's name and version, the first thing in every archive. */
export const ARCHIVE_FORMAT = 'county-kit-archive/1';

/** Count and checksum of one prefix. */
export interface PrefixSummary {
  readonly count: number;
  /** SHA-256 over the sorted lines `<key> <sha256 of body>`. */
  readonly sha256: string;
}

/** What an archive holds, per service prefix. */
export interface Manifest {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly area: string;
  readonly prefixes: Readonly<Record<string, PrefixSummary>>;
}

/** Thrown with a bilingual message when an export or import must not go on; nothing was written. */
export class ArchiveError extends ScriptError {}

interface Entry {
  readonly key: string;
  readonly sha256: string;
  readonly body: string;
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const PREFIXES = SERVICES.map((s) => `${s}/`);

/** Every key under `prefix`, following the cursor. */
export async function keysUnder(store: Store, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(prefix, { cursor });
    keys.push(...page.items.map((i) => i.key));
    cursor = page.cursor;
  } while (cursor);
  return keys;
}

function summarise(entries: readonly Entry[]): Record<string, PrefixSummary> {
  return Object.fromEntries(
    PREFIXES.map((prefix) => {
      const lines = entries
        .filter((e) => e.key.startsWith(prefix))
        .map((e) => `${e.key} ${e.sha256}`)
        .sort();
      return [prefix, { count: lines.length, sha256: sha256(lines.join('\n')) }];
    }),
  );
}

/**
 * Every object of the area's four prefixes as one gzip'd archive: a manifest line, then one line
 * per object (key, checksum, body in base64).
 *
 * @example
 * writeFileSync('jamtland.kit.gz', await exportArea(store, 'jamtland'));
 */
export async function exportArea(store: Store, area: string): Promise<{ archive: Buffer; manifest: Manifest }> {
  const entries: Entry[] = [];
  for (const prefix of PREFIXES) {
    for (const key of await keysUnder(store, prefix)) {
      const object = await store.get(key);
      if (!object || object === 'not-modified') continue; // removed while exporting
      entries.push({ key, sha256: sha256(object.body), body: Buffer.from(object.body).toString('base64') });
    }
  }
  const manifest: Manifest = { format: ARCHIVE_FORMAT, area, prefixes: summarise(entries) };
  const lines = [JSON.stringify(manifest), ...entries.map((e) => JSON.stringify(e))];
  return { archive: gzipSync(`${lines.join('\n')}\n`), manifest };
}

const corrupt = (why: string, whyEn: string) =>
  new ArchiveError(
    `Arkivet är skadat eller ändrat (${why}); inget lästes in.`,
    `The archive is damaged or edited (${whyEn}); nothing was imported.`,
  );

/** Read and check an archive: every object's checksum and the manifest's counts and checksums. */
export function readArchive(archive: Uint8Array): { manifest: Manifest; entries: Entry[] } {
  let text: string;
  try {
    text = gunzipSync(archive).toString('utf8');
  } catch {
    throw corrupt('kan inte packas upp', 'cannot be decompressed');
  }
  let manifest: Manifest;
  let entries: Entry[];
  try {
    const [first, ...rest] = text.split('\n').filter((l) => l !== '');
    manifest = JSON.parse(first ?? '') as Manifest;
    entries = rest.map((l) => JSON.parse(l) as Entry);
  } catch {
    throw corrupt('en rad kan inte läsas', 'a line cannot be read');
  }
  if (manifest.format !== ARCHIVE_FORMAT) throw corrupt('okänt format', 'unknown format');
  for (const e of entries) {
    if (typeof e.key !== 'string' || !PREFIXES.some((p) => e.key.startsWith(p)) || e.key.includes('..')) {
      throw corrupt(`nyckel utanför områdets prefix: ${String(e.key)}`, `a key outside the area's prefixes: ${String(e.key)}`);
    }
    if (sha256(Buffer.from(e.body, 'base64')) !== e.sha256) throw corrupt(`kontrollsumman för ${e.key}`, `checksum of ${e.key}`);
  }
  const actual = summarise(entries);
  for (const prefix of PREFIXES) {
    const want = manifest.prefixes?.[prefix];
    const got = actual[prefix]!;
    if (!want || want.count !== got.count || want.sha256 !== got.sha256) {
      throw corrupt(`antal eller kontrollsumma för ${prefix}`, `count or checksum of ${prefix}`);
    }
  }
  return { manifest, entries };
}

/**
 * Load an archive into an empty store (local or S3). Refuses a store that already holds data
 * under any of the area's prefixes, and checks the whole archive before writing anything.
 *
 * @example
 * const manifest = await importArea(store, readFileSync('jamtland.kit.gz'));
 */
export async function importArea(store: Store, archive: Uint8Array): Promise<Manifest> {
  const { manifest, entries } = readArchive(archive);
  for (const prefix of PREFIXES) {
    if ((await store.list(prefix, { limit: 1 })).items.length > 0) {
      throw new ArchiveError(
        `Målet innehåller redan data under ${prefix}; läs bara in i ett tomt område. Inget lästes in.`,
        `The target already holds data under ${prefix}; import only into an empty area. Nothing was imported.`,
      );
    }
  }
  for (const e of entries) await store.put(e.key, Buffer.from(e.body, 'base64'), { ifNoneMatch: '*' });
  return manifest;
}
