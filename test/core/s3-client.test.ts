import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  S3Error,
  S3ObjectClient,
  decodeXmlText,
  parseListObjects,
  type HttpResponse,
  type S3ObjectClientOptions,
} from '../../functions/core/store/s3-client.js';
import { PreconditionFailedError, S3Store, StoreUnavailableError } from '../../functions/core/store/index.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const reply = (body: string, status = 200, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: new TextEncoder().encode(body),
});
const xmlError = (code: string, status: number) =>
  reply(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>m</Message><RequestId>r1</RequestId></Error>`,
    status,
    {
      'content-type': 'application/xml',
    },
  );

/** A client answered by `answers` in turn (a function may throw, as a network failure does); `urls` records each attempt. */
function scripted(answers: Array<() => HttpResponse>, options: S3ObjectClientOptions = {}) {
  const urls: string[] = [];
  let i = 0;
  const client = new S3ObjectClient({
    region: 'eu-north-1',
    credentials,
    backoffMs: 0,
    ...options,
    transport: (request) => {
      urls.push(request.url.href);
      const answer = answers[Math.min(i++, answers.length - 1)]!;
      return Promise.resolve().then(answer);
    },
  });
  return { client, urls };
}

describe('S3ObjectClient addresses', () => {
  it('is virtual-hosted on AWS by default and path-style on request', async () => {
    const hosted = scripted([() => reply('x', 200, { etag: '"e"' })]);
    await hosted.client.getObject('county-data', 'calendar/a b.json');
    expect(hosted.urls).toEqual(['https://county-data.s3.eu-north-1.amazonaws.com/calendar/a%20b.json']);

    const path = scripted([() => reply('x')], { endpoint: 'http://127.0.0.1:4566', forcePathStyle: true });
    await path.client.getObject('county-data', 'calendar/a.json');
    await path.client.listObjectsV2('county-data', { prefix: 'calendar/', maxKeys: 5 });
    expect(path.urls).toEqual([
      'http://127.0.0.1:4566/county-data/calendar/a.json',
      'http://127.0.0.1:4566/county-data?list-type=2&max-keys=5&prefix=calendar%2F',
    ]);
  });

  it('takes its region and endpoint from the Lambda environment', async () => {
    try {
      vi.stubEnv('AWS_REGION', 'eu-west-1');
      vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://127.0.0.1:9000');
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDENV');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret');
      vi.stubEnv('AWS_SESSION_TOKEN', 'env-token');
      const seen: Array<Record<string, string>> = [];
      const client = new S3ObjectClient({
        forcePathStyle: true,
        transport: (request) => {
          seen.push({ url: request.url.href, ...request.headers });
          return Promise.resolve(reply(''));
        },
      });
      await client.deleteObject('b', 'k');
      expect(seen[0]).toMatchObject({ url: 'http://127.0.0.1:9000/b/k', 'x-amz-security-token': 'env-token' });
      expect(seen[0]!.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDENV\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=[^,]*x-amz-security-token/,
      );
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
      await expect(client.deleteObject('b', 'k')).rejects.toMatchObject({ code: 'CredentialsMissing' });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('S3ObjectClient retries', () => {
  it('retries 503 SlowDown and 500 until an answer comes', async () => {
    const { client, urls } = scripted([
      () => xmlError('SlowDown', 503),
      () => xmlError('InternalError', 500),
      () => reply('ok', 200, { etag: '"1"' }),
    ]);
    const got = await client.getObject('b', 'k');
    expect(new TextDecoder().decode(got.body)).toBe('ok');
    expect(got.etag).toBe('"1"');
    expect(urls).toHaveLength(3);
  });

  it('retries a network failure, and gives up after maxAttempts with the last error', async () => {
    const fail = () => {
      throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    };
    const recovered = scripted([fail, () => reply('')]);
    await recovered.client.deleteObject('b', 'k');
    expect(recovered.urls).toHaveLength(2);

    const down = scripted([fail], { maxAttempts: 4 });
    await expect(down.client.deleteObject('b', 'k')).rejects.toThrow('ECONNRESET');
    expect(down.urls).toHaveLength(4);
  });

  it('takes a lost condition on a retry as its own write when the object holds exactly its bytes (an earlier attempt applied unheard)', async () => {
    const body = '{"entries":["a"]}';
    const md5 = `"${createHash('md5').update(body).digest('hex')}"`;
    const cut = () => {
      throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    };
    // applied, answer lost; the retry meets its own write (412); the object's ETag is this body's MD5
    const own = scripted([cut, () => xmlError('PreconditionFailed', 412), () => reply(body, 200, { etag: md5 })]);
    await expect(own.client.putObject('b', 'calendar/l.json', body, { ifMatch: '"old"' })).resolves.toEqual({ etag: md5 });
    expect(own.urls).toHaveLength(3);
    // a 5xx after S3 may have applied it counts the same
    const busy = scripted([
      () => xmlError('InternalError', 500),
      () => xmlError('PreconditionFailed', 412),
      () => reply(body, 200, { etag: md5 }),
    ]);
    await expect(busy.client.putObject('b', 'calendar/l.json', body, { ifNoneMatch: '*' })).resolves.toEqual({ etag: md5 });
    // another writer's bytes: the condition stays lost
    const other = scripted([cut, () => xmlError('PreconditionFailed', 412), () => reply('x', 200, { etag: '"other"' })]);
    await expect(other.client.putObject('b', 'calendar/l.json', body, { ifMatch: '"old"' })).rejects.toMatchObject({ status: 412 });
    // a first-attempt 412 is someone else's write: no read
    const plain = scripted([() => xmlError('PreconditionFailed', 412)]);
    await expect(plain.client.putObject('b', 'calendar/l.json', body, { ifMatch: '"old"' })).rejects.toMatchObject({ status: 412 });
    expect(plain.urls).toHaveLength(1);
    // an empty create-only mark is the same bytes for every writer: it proves nothing
    const mark = scripted([
      cut,
      () => xmlError('PreconditionFailed', 412),
      () => reply('', 200, { etag: '"d41d8cd98f00b204e9800998ecf8427e"' }),
    ]);
    await expect(mark.client.putObject('b', 'feedback/rate/used/x', '', { ifNoneMatch: '*' })).rejects.toMatchObject({ status: 412 });
    expect(mark.urls).toHaveLength(2);
  });

  it('ends an attempt that outlives its timeout and retries it', async () => {
    let attempts = 0;
    const client = new S3ObjectClient({
      credentials,
      timeoutMs: 20,
      maxAttempts: 2,
      backoffMs: 0,
      // the first attempt never answers: only its signal ends it
      transport: ({ signal }) =>
        ++attempts === 1
          ? new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))
          : Promise.resolve(reply('whole')),
    });
    await expect(client.getObject('b', 'k')).resolves.toMatchObject({ body: new TextEncoder().encode('whole') });
    expect(attempts).toBe(2);
    const never = new S3ObjectClient({
      credentials,
      timeoutMs: 20,
      maxAttempts: 1,
      transport: ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error))),
    });
    await expect(never.getObject('b', 'k')).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it.each([
    ['NoSuchKey', 404],
    ['AccessDenied', 403],
    ['PreconditionFailed', 412],
    ['ConditionalRequestConflict', 409],
    ['SignatureDoesNotMatch', 403],
  ])('does not retry %s (%i), and says which it was', async (code, status) => {
    const { client, urls } = scripted([() => xmlError(code, status), () => reply('')]);
    const error = await client.putObject('b', 'k', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ code, status, name: code, requestId: 'r1' });
    expect(urls).toHaveLength(1);
  });

  it('names an answer without an XML body by its status (304, or a 404 to a HEAD-like empty body)', async () => {
    const { client } = scripted([() => reply('', 304)]);
    await expect(client.getObject('b', 'k', { ifNoneMatch: '"1"' })).rejects.toMatchObject({ code: 'Http304', status: 304 });
  });
});

describe('S3 XML', () => {
  it('decodes the five entities and numeric references', () => {
    expect(decodeXmlText('a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#229;&#xE4;&#x1F600;')).toBe('a&b <c> "d" \'e\' åä😀');
    expect(decodeXmlText('&amp;lt;')).toBe('&lt;');
  });

  it('reads a ListObjectsV2 page: keys, sizes, dates and whether it is truncated', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>a/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>
<Contents><Key>a/x&amp;y.json</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;e1&quot;</ETag><Size>12</Size><StorageClass>STANDARD</StorageClass></Contents>
<Contents><Key>a/z.json</Key><LastModified>2026-01-02T03:04:06.000Z</LastModified><ETag>"e2"</ETag><Size>0</Size></Contents>
</ListBucketResult>`;
    expect(parseListObjects(xml)).toEqual({
      contents: [
        { key: 'a/x&y.json', size: 12, lastModified: new Date('2026-01-02T03:04:05.000Z') },
        { key: 'a/z.json', size: 0, lastModified: new Date('2026-01-02T03:04:06.000Z') },
      ],
      isTruncated: true,
    });
    expect(parseListObjects('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>')).toEqual({
      contents: [],
      isTruncated: false,
    });
  });
});

describe('S3Store on S3ObjectClient: S3 answers as store results', () => {
  const store = (...answers: Array<() => HttpResponse>) => new S3Store({ client: scripted(answers).client, bucket: 'b' });

  it('maps NoSuchKey to undefined and 304 to not-modified, but NoSuchBucket to unavailable', async () => {
    await expect(store(() => xmlError('NoSuchKey', 404)).get('a.json')).resolves.toBeUndefined();
    await expect(store(() => reply('', 304)).get('a.json', { ifNoneMatch: '"1"' })).resolves.toBe('not-modified');
    await expect(store(() => xmlError('NoSuchBucket', 404)).get('a.json')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store(() => xmlError('NoSuchBucket', 404)).delete('a.json')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store(() => xmlError('NoSuchKey', 404)).delete('a.json')).resolves.toBeUndefined();
  });

  it('maps 412, 409 and a 404 on If-Match to PreconditionFailedError', async () => {
    await expect(store(() => xmlError('PreconditionFailed', 412)).put('a.json', 'x', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(store(() => xmlError('ConditionalRequestConflict', 409)).put('a.json', 'x', { ifMatch: '"1"' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(store(() => xmlError('NoSuchKey', 404)).put('a.json', 'x', { ifMatch: '"1"' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('maps AccessDenied and any 403 to StoreUnavailableError, and leaves other failures as they are', async () => {
    await expect(store(() => xmlError('AccessDenied', 403)).list('a/')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store(() => xmlError('InvalidAccessKeyId', 403)).put('a.json', 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store(() => xmlError('InvalidArgument', 400)).put('a.json', 'x')).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('S3ObjectClient over node:http against a local server', () => {
  let server: Server;
  let endpoint: string;
  const seen: Array<{ method: string; url: string; length: string | undefined; body: string }> = [];
  /** What the server does with the n-th request (from 1). */
  let behave: (n: number, res: ServerResponse) => void = (_n, res) => res.end();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          method: req.method!,
          url: req.url!,
          length: req.headers['content-length'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        behave(seen.length, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });
  const client = (options: S3ObjectClientOptions = {}) =>
    new S3ObjectClient({ endpoint, forcePathStyle: true, region: 'eu-north-1', credentials, backoffMs: 0, ...options });

  it('sends a PUT body whole with its length, and reads the ETag', async () => {
    behave = (_n, res) => {
      res.setHeader('etag', '"abc"');
      res.end();
    };
    await expect(client().putObject('b', 'a/å.json', '{"å":1}')).resolves.toEqual({ etag: '"abc"' });
    expect(seen).toEqual([{ method: 'PUT', url: '/b/a/%C3%A5.json', length: '8', body: '{"å":1}' }]);
  });

  it('ends an answer whose body stalls when the attempt times out, then retries', async () => {
    behave = (n, res) => {
      if (n === 1) {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial'); // and nothing more
      } else res.end('whole');
    };
    const got = await client({ timeoutMs: 200 }).getObject('b', 'k');
    expect(new TextDecoder().decode(got.body)).toBe('whole');
    expect(seen).toHaveLength(2);
  });

  it('retries a connection cut in the middle of an answer', async () => {
    behave = (n, res) => {
      if (n === 1) {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial', () => res.socket?.destroy());
      } else res.end('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>');
    };
    await expect(client().listObjectsV2('b', { prefix: 'p/' })).resolves.toEqual({ contents: [], isTruncated: false });
    expect(seen.map((r) => r.url)).toEqual(['/b?list-type=2&prefix=p%2F', '/b?list-type=2&prefix=p%2F']);
  });
});
