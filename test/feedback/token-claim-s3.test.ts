import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { S3ObjectClient, type HttpRequest, type HttpResponse } from '../../functions/core/store/s3-client.js';
import { S3Store } from '../../functions/core/store/index.js';
import { claimToken } from '../../functions/feedback/guard/token-use.js';

const secret = new TextEncoder().encode('a test secret of thirty-two bytes');
const md5 = (body: Uint8Array) => `"${createHash('md5').update(body).digest('hex')}"`;
const preconditionFailed: HttpResponse = {
  status: 412,
  headers: { 'content-type': 'application/xml' },
  body: new TextEncoder().encode('<Error><Code>PreconditionFailed</Code><Message>m</Message></Error>'),
};

/** An S3 store on a scripted bucket: `answer` gets each request and the bytes of the last PUT. */
function scriptedStore(answer: (request: HttpRequest, lastPut: Uint8Array | undefined) => HttpResponse) {
  let lastPut: Uint8Array | undefined;
  const methods: string[] = [];
  const client = new S3ObjectClient({
    region: 'eu-north-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    backoffMs: 0,
    transport: (request) => {
      methods.push(request.method);
      if (request.method === 'PUT') lastPut = request.body;
      return Promise.resolve().then(() => answer(request, lastPut));
    },
  });
  return { store: new S3Store({ client, bucket: 'county-data' }), methods };
}

describe('a used-token mark on S3', () => {
  it('is this claim when its first attempt landed unheard and the retry meets it, so the sender is not told "already sent" for nothing', async () => {
    let puts = 0;
    const { store, methods } = scriptedStore((request, lastPut) => {
      if (request.method === 'PUT' && ++puts === 1) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      if (request.method === 'PUT') return preconditionFailed;
      return { status: 200, headers: { etag: md5(lastPut!) }, body: lastPut! };
    });
    await expect(claimToken(store, secret, 'nonce-1')).resolves.toBe(true);
    expect(methods).toEqual(['PUT', 'PUT', 'GET']);
  });

  it('is refused when another claim of the same token holds the mark', async () => {
    const other = new TextEncoder().encode('another claim');
    const { store } = scriptedStore((request) =>
      request.method === 'PUT' ? preconditionFailed : { status: 200, headers: { etag: md5(other) }, body: other },
    );
    await expect(claimToken(store, secret, 'nonce-1')).resolves.toBe(false);
  });

  it('gives every claim its own bytes', async () => {
    const bodies: string[] = [];
    const { store } = scriptedStore((request) => {
      bodies.push(new TextDecoder().decode(request.body));
      return { status: 200, headers: { etag: '"e"' }, body: new Uint8Array() };
    });
    await claimToken(store, secret, 'nonce-1');
    await claimToken(store, secret, 'nonce-2');
    expect(bodies[0]).not.toBe('');
    expect(new Set(bodies).size).toBe(2);
  });
});
