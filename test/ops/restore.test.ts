import { GetObjectCommand, PutBucketVersioningCommand, PutObjectCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRestore, describePlan, planRestore, RestoreError, restorePrefixes } from '../../scripts/restore.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';

const moto = requireMotoUnderCi();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('restore prefixes', () => {
  it('accept a service prefix or a folder below one, and refuse anything else in both languages', () => {
    expect(restorePrefixes(undefined)).toEqual(['directory/', 'calendar/', 'indicators/', 'feedback/']);
    expect(restorePrefixes('feedback/public/')).toEqual(['feedback/public/']);
    for (const bad of ['other/', 'directory', 'directory/../feedback/', '/directory/']) {
      expect(() => restorePrefixes(bad)).toThrow(RestoreError);
    }
    expect(() => restorePrefixes('x/')).toThrow(/sv: Prefixet "x\/" hör inte till området.*\nen: The prefix "x\/" is not one/s);
  });
});

describe.runIf(moto)('npm run restore on a versioned bucket (moto)', () => {
  let server: MotoServer;
  let client: S3Client;
  let bucket: string;
  let at: Date;
  const read = async (key: string): Promise<string | undefined> => {
    try {
      return await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
    } catch {
      return undefined;
    }
  };
  const put = (key: string, body: string) => client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

  beforeAll(async () => {
    server = await startMoto();
    client = server.client();
    bucket = await server.createBucket();
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    await put('directory/services.json', 'v1');
    await put('directory/groups.json', 'groups');
    await put('feedback/public/summary.json', 'summary v1');
    await pause(1100);
    at = new Date();
    await pause(1100);
    await put('directory/services.json', 'v2 (a mistake)');
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'directory/groups.json' }));
    await put('directory/new.json', 'written after');
    await put('feedback/public/summary.json', 'summary v2');
  }, 60_000);
  afterAll(() => server?.stop());

  it('plans without changing anything', async () => {
    const plan = await planRestore({ client, bucket, at, prefix: 'directory/' });
    expect(plan.steps.map((s) => `${s.action} ${s.key}`)).toEqual([
      'copy directory/groups.json',
      'delete directory/new.json',
      'copy directory/services.json',
    ]);
    expect(describePlan(plan).join('\n')).toMatch(/2 återställs.*\n.*1 tas bort/);
    expect(await read('directory/services.json')).toBe('v2 (a mistake)');
    expect(await read('directory/groups.json')).toBeUndefined();
    expect(await read('directory/new.json')).toBe('written after');
  });

  let beforeRestore: Date;
  it('brings back the edited and the deleted object, removes the later one, and leaves other prefixes alone', async () => {
    await pause(1100);
    beforeRestore = new Date();
    await pause(1100);
    const plan = await planRestore({ client, bucket, at, prefix: 'directory/' });
    expect(await applyRestore(client, plan)).toBe(3);
    expect(await read('directory/services.json')).toBe('v1');
    expect(await read('directory/groups.json')).toBe('groups');
    expect(await read('directory/new.json')).toBeUndefined();
    expect(await read('feedback/public/summary.json')).toBe('summary v2');
    // Done again, there is nothing left to do.
    expect((await planRestore({ client, bucket, at, prefix: 'directory/' })).steps).toEqual([]);
  });

  it('can itself be undone by restoring to just before it', async () => {
    const undo = await planRestore({ client, bucket, at: beforeRestore, prefix: 'directory/' });
    expect(await applyRestore(client, undo)).toBe(3);
    expect(await read('directory/services.json')).toBe('v2 (a mistake)');
    expect(await read('directory/groups.json')).toBeUndefined();
    expect(await read('directory/new.json')).toBe('written after');
  });

  it('refuses a time in the future or before the bucket existed, changing nothing', async () => {
    await expect(planRestore({ client, bucket, at: new Date(Date.now() + 3_600_000) })).rejects.toThrow(/framtiden.*\nen: .*future/s);
    await expect(planRestore({ client, bucket, at: new Date('2000-01-01T00:00:00Z') })).rejects.toThrow(/före.*\nen: .*before/s);
    await expect(planRestore({ client, bucket, at: new Date('not a time') })).rejects.toThrow(RestoreError);
  });
});
