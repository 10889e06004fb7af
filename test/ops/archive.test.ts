import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { S3Store } from '../../functions/core/store/s3-store.js';
import { ArchiveError, exportArea, importArea, readArchive } from '../../scripts/archive.js';
import { tempDir } from '../support/deps.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';

const moto = requireMotoUnderCi();

/** A local area store with objects under every prefix, one binary. */
async function filledStore(): Promise<FsStore> {
  const store = new FsStore(await tempDir('kit-export-'));
  await store.put('directory/services.json', JSON.stringify({ services: [{ id: 'a', name: 'Mottagningen' }] }));
  await store.put('calendar/events/2026.json', '[]');
  await store.put('calendar/registrations/e1/r1.json', '{"name":"x"}');
  await store.put('indicators/reports/2380/2026-Q1.json', '{"values":{}}');
  await store.put('feedback/public/summary.json', '{"counts":{}}');
  await store.put('feedback/blob.bin', new Uint8Array([0, 255, 1, 254]));
  return store;
}

/** Change one archive line with `edit`, keeping the gzip valid. */
function edited(archive: Buffer, edit: (lines: string[]) => void): Buffer {
  const lines = gunzipSync(archive).toString('utf8').split('\n');
  edit(lines);
  return gzipSync(lines.join('\n'));
}

describe('export and import', () => {
  it('counts and checksums every prefix in the manifest', async () => {
    const { manifest } = await exportArea(await filledStore(), 'jamtland');
    expect(Object.fromEntries(Object.entries(manifest.prefixes).map(([p, s]) => [p, s.count]))).toEqual({
      'directory/': 1,
      'calendar/': 2,
      'indicators/': 1,
      'feedback/': 2,
    });
    expect(manifest.prefixes['directory/']!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an edited object, an edited manifest, a truncated file, and a key outside the area, importing nothing', async () => {
    const { archive } = await exportArea(await filledStore(), 'jamtland');
    const body = (lines: string[], i: number) => JSON.parse(lines[i]!) as { key: string; body: string; sha256: string };
    const bad = [
      edited(archive, (l) => {
        const e = body(l, 1);
        l[1] = JSON.stringify({ ...e, body: Buffer.from('changed').toString('base64') });
      }),
      edited(archive, (l) => {
        l[1] = JSON.stringify({ ...body(l, 1), sha256: 'f'.repeat(64) });
      }),
      edited(archive, (l) => l.splice(2, 1)),
      edited(archive, (l) => {
        l[1] = JSON.stringify({ ...body(l, 1), key: 'other/x.json' });
      }),
      archive.subarray(0, archive.length - 20),
    ];
    for (const file of bad) {
      const target = new FsStore(await tempDir('kit-import-'));
      await expect(importArea(target, file)).rejects.toThrow(ArchiveError);
      await expect(importArea(target, file)).rejects.toThrow(/sv: Arkivet är skadat.*\nen: The archive is damaged/s);
      for (const p of ['directory/', 'calendar/', 'indicators/', 'feedback/']) expect((await target.list(p)).items).toEqual([]);
    }
  });

  it('refuses to import into a store that already holds data', async () => {
    const { archive } = await exportArea(await filledStore(), 'jamtland');
    const target = new FsStore(await tempDir('kit-import-'));
    await target.put('calendar/events/2027.json', '[1]');
    await expect(importArea(target, archive)).rejects.toThrow(/redan data under calendar\/.*\nen: The target already holds data/s);
    expect((await target.list('directory/')).items).toEqual([]);
    expect(readArchive(archive).entries).toHaveLength(6);
  });
});

describe.runIf(moto)('a round trip through S3 (moto)', () => {
  let server: MotoServer;
  beforeAll(async () => {
    server = await startMoto();
  }, 60_000);
  afterAll(() => server?.stop());

  it('gives identical manifests: filesystem → archive → S3 → archive', async () => {
    const first = await exportArea(await filledStore(), 'jamtland');
    const s3 = new S3Store({ client: server.objectClient(), bucket: await server.createBucket() });
    expect(await importArea(s3, first.archive)).toEqual(first.manifest);
    const second = await exportArea(s3, 'jamtland');
    expect(second.manifest).toEqual(first.manifest);
    const blob = await s3.get('feedback/blob.bin');
    expect(blob && blob !== 'not-modified' ? [...blob.body] : undefined).toEqual([0, 255, 1, 254]);
    await expect(importArea(s3, first.archive)).rejects.toThrow(ArchiveError);
  });
});
