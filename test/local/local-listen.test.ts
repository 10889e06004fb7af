import fc from 'fast-check';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLocal, MAX_HEADER_BYTES, type LocalListener } from '../../functions/local-listen.js';
import { createLocalApp } from '../../functions/local-server.js';
import { testKit } from '../support/deps.js';

/** Send raw bytes to the server and read everything until it closes the connection. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    // The server may close before it has read all of an over-long request: that is fine.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error),
    );
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.end(request);
  });
}

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function parse(raw: string): RawResponse {
  const [head = '', body = ''] = raw.split('\r\n\r\n', 2);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function expectProblem(res: RawResponse, status: number): { title: string; detail: string; errors: { field: string; sv: string }[] } {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = JSON.parse(res.body) as { title: string; status: number; detail: string; errors: { field: string; sv: string }[] };
  expect(problem.status).toBe(status);
  expect(problem.title).toMatch(/[åäö]|begäran/i);
  expect(problem.detail).toMatch(/^[A-Z][\x20-\x7e]+$/);
  return problem;
}

let listener: LocalListener;
beforeAll(async () => {
  const kit = await testKit({ area: 'jamtland' });
  listener = await listenLocal(createLocalApp(kit.deps), { port: 0 });
});
afterAll(() => listener?.close());

describe('the local server, for requests Node refuses before the app', () => {
  it('answers a 20 KB cursor with 431 problem+json in Swedish and English', async () => {
    const cursor = 'a'.repeat(20 * 1024);
    const res = await fetch(`http://127.0.0.1:${listener.port}/api/directory/services?cursor=${cursor}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { title: string; detail: string; errors: { field: string }[] };
    expect(problem.title).toBe('Adressen eller rubrikerna är för långa');
    expect(problem.detail).toContain(`${MAX_HEADER_BYTES} bytes`);
    expect(problem.errors[0]?.field).toBe('(headers)');
  });

  it('answers every over-long request line or header with 431 problem+json', async () => {
    const where = fc.constantFrom('path', 'query', 'one header', 'cookie', 'many headers');
    await fc.assert(
      fc.asyncProperty(where, fc.integer({ min: MAX_HEADER_BYTES + 1, max: 4 * MAX_HEADER_BYTES }), async (place, size) => {
        const long = 'x'.repeat(size);
        const target = place === 'path' ? `/hitta-stod/${long}` : place === 'query' ? `/utbildningar?q=${long}` : '/';
        const headers =
          place === 'one header'
            ? `X-Long: ${long}\r\n`
            : place === 'cookie'
              ? `Cookie: lang=en; junk=${long}\r\n`
              : place === 'many headers'
                ? // Node counts names and values (not `: ` and line ends): 90 bytes of value alone per line.
                  Array.from({ length: Math.ceil(size / 90) }, (_, i) => `X-H${i}: ${'y'.repeat(90)}\r\n`).join('')
                : '';
        const raw = await rawRequest(listener.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`);
        const problem = expectProblem(parse(raw), 431);
        expect(problem.errors[0]?.sv).toBeTruthy();
      }),
      { numRuns: 15 },
    );
  });

  it('answers malformed HTTP with 400 problem+json', async () => {
    for (const request of ['GET / HTTP/9.9\r\n\r\n', 'BR{K / HTTP/1.1\r\nHost: x\r\n\r\n', 'GET / HTTP/1.1\r\nBad Header\r\n\r\n']) {
      expectProblem(parse(await rawRequest(listener.port, request)), 400);
    }
  });

  it('still answers requests within the limit, before and after', async () => {
    const near = 'b'.repeat(MAX_HEADER_BYTES - 2048);
    const res = await fetch(`http://127.0.0.1:${listener.port}/api/directory/health`, { headers: { 'x-padding': near } });
    expect(res.status).toBe(200);
  });
});
