import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Error, xmlElement } from '../../functions/core/store/s3-client.js';
import { S3Store, StoreUnavailableError } from '../../functions/core/store/index.js';
import { sha256Hex, signRequest, type Credentials } from '../../functions/core/store/sigv4.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';

/**
 * Our SigV4 checked by a third implementation: moto verifies every signature with botocore's
 * signer once its allowance of unauthenticated actions is spent (`/moto-api/reset-auth`). The
 * allowance covers the setup (a bucket; an IAM user with an access key and a policy; a role it
 * may assume, with a policy); every request after it must carry a signature botocore computes
 * alike, with a secret moto knows.
 *
 * Moto verifies against the URL as its web framework decoded and re-encoded it, so a key or query
 * value with characters that need encoding (`/` in a prefix included) fails verification there
 * even from boto3; those are checked against `@smithy/signature-v4` in `sigv4.test.ts`.
 */
const SETUP_ACTIONS = 6;

/** A query-API call (IAM or STS) to moto, signed with our signer; the XML answer. */
async function queryApi(
  endpoint: string,
  service: 'iam' | 'sts',
  params: Record<string, string>,
  credentials: Credentials,
): Promise<string> {
  const url = new URL(endpoint);
  const body = new URLSearchParams(params).toString();
  const headers = signRequest(
    {
      method: 'POST',
      host: url.host,
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payloadHash: sha256Hex(body),
    },
    { credentials, region: 'us-east-1', service, date: new Date() },
  );
  delete headers.host;
  const res = await fetch(`${url.origin}/`, { method: 'POST', headers, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${service} ${params.Action}: ${res.status} ${text}`);
  return text;
}

const moto = requireMotoUnderCi();
describe.runIf(moto)('S3ObjectClient against moto with signature verification on', () => {
  let server: MotoServer;
  let bucket: string;
  let user: Credentials;
  const setup: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

  beforeAll(async () => {
    server = await startMoto();
    const reset = await fetch(`${server.endpoint}/moto-api/reset-auth`, { method: 'POST', body: String(SETUP_ACTIONS) });
    expect(reset.status).toBe(200);
    bucket = await server.createBucket(); // 1
    const iam = (params: Record<string, string>) => queryApi(server.endpoint, 'iam', { Version: '2010-05-08', ...params }, setup);
    await iam({ Action: 'CreateUser', UserName: 'county-function' }); // 2
    const key = await iam({ Action: 'CreateAccessKey', UserName: 'county-function' }); // 3
    user = { accessKeyId: xmlElement(key, 'AccessKeyId')!, secretAccessKey: xmlElement(key, 'SecretAccessKey')! };
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'sts:AssumeRole'], Resource: '*' }] };
    await iam({ Action: 'PutUserPolicy', UserName: 'county-function', PolicyName: 's3', PolicyDocument: JSON.stringify(policy) }); // 4
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] };
    const role = await iam({ Action: 'CreateRole', RoleName: 'county-role', AssumeRolePolicyDocument: JSON.stringify(trust) }); // 5
    const roleArn = xmlElement(role, 'Arn')!;
    const rolePolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    await iam({ Action: 'PutRolePolicy', RoleName: 'county-role', PolicyName: 's3', PolicyDocument: JSON.stringify(rolePolicy) }); // 6
    // from here on every request is verified
    const assumed = await queryApi(
      server.endpoint,
      'sts',
      { Version: '2011-06-15', Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 'kit-test' },
      user,
    );
    roleCredentials = {
      accessKeyId: xmlElement(assumed, 'AccessKeyId')!,
      secretAccessKey: xmlElement(assumed, 'SecretAccessKey')!,
      sessionToken: xmlElement(assumed, 'SessionToken')!,
    };
  }, 60_000);
  afterAll(async () => server?.stop());
  let roleCredentials: Credentials;

  it('refuses a wrong secret: SignatureDoesNotMatch, the store unavailable', async () => {
    const store = new S3Store({ client: server.objectClient({ credentials: { ...user, secretAccessKey: 'not-the-secret' } }), bucket });
    const error = await store.get('calendar/a.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).cause).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    await expect(store.put('calendar/a.json', '{}')).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('refuses an access key moto does not know', async () => {
    const client = server.objectClient({ credentials: { accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: user.secretAccessKey } });
    await expect(client.getObject(bucket, 'a.json')).rejects.toMatchObject({ code: 'InvalidAccessKeyId', status: 403 });
  });

  it('accepts every store operation signed with the right key', async () => {
    const store = new S3Store({ client: server.objectClient({ credentials: user }), bucket });
    const { etag } = await store.put('calendar/signed.json', '{"a":1}', { ifNoneMatch: '*' });
    const read = await store.get('calendar/signed.json');
    expect(read !== 'not-modified' && read && new TextDecoder().decode(read.body)).toBe('{"a":1}');
    await expect(store.get('calendar/signed.json', { ifNoneMatch: etag })).resolves.toBe('not-modified');
    await store.put('calendar/signed.json', '{"a":2}', { ifMatch: etag, contentType: 'application/json; charset=utf-8' });
    await expect(store.get('calendar/missing.json')).resolves.toBeUndefined();
    const page = await store.list('calendar', { limit: 1 });
    expect(page.items.map((i) => i.key)).toEqual(['calendar/signed.json']);
    await store.delete('calendar/signed.json');
    await expect(store.get('calendar/signed.json')).resolves.toBeUndefined();
  });

  it('signs every unreserved character in keys and queries as botocore does', async () => {
    const client = server.objectClient({ credentials: user });
    const keys = ['unreserved/A-Z_a-z.0~9', 'unreserved/deep/er/key.json', 'unreserved/x'];
    for (const key of keys) await client.putObject(bucket, key, `body of ${key}`, { contentType: 'text/plain; charset=utf-8' });
    const listed = await client.listObjectsV2(bucket, { prefix: 'unreserved', startAfter: 'unreserved', maxKeys: 2 });
    expect(listed).toMatchObject({ isTruncated: true, contents: [{ key: keys[0] }, { key: keys[1] }] });
    for (const key of keys) expect(new TextDecoder().decode((await client.getObject(bucket, key)).body)).toBe(`body of ${key}`);
  });

  it('signs with temporary credentials: x-amz-security-token is sent and signed', async () => {
    const store = new S3Store({ client: server.objectClient({ credentials: roleCredentials }), bucket });
    await store.put('calendar/role.json', '{}');
    await expect(store.get('calendar/role.json')).resolves.toMatchObject({ etag: expect.any(String) });
    const forged = server.objectClient({ credentials: { ...roleCredentials, sessionToken: `${roleCredentials.sessionToken}x` } });
    const error = await forged.getObject(bucket, 'calendar/role.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ code: 'InvalidToken', status: 400 });
  });
});
