import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../functions/core/http/problem.js';
import { multipartForm, parseMultipart, readMultipart } from '../../functions/core/http/multipart.js';

const TYPE = 'multipart/form-data; boundary=XyZ';
const enc = (s: string) => new TextEncoder().encode(s);
const part = (name: string, body: string, filename?: string) =>
  `--XyZ\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}\r\n\r\n${body}\r\n`;

/** The 400 problem a parse throws, or undefined. */
function refusal(body: string | Uint8Array, type = TYPE, maxParts?: number) {
  try {
    parseMultipart(typeof body === 'string' ? enc(body) : body, type, maxParts);
    return undefined;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return error.problem;
  }
}

/** An app that reads a form (at most 1 kB) and answers what it got. */
const app = new Hono().post('/', async (c) => {
  try {
    const form = await readMultipart(c, { maxBytes: 1024 });
    const file = form.file('fil');
    return c.json({ text: form.text('lang'), file: file && { name: file.filename, bytes: [...file.data] } });
  } catch (error) {
    if (error instanceof ProblemError) return c.json(error.problem, error.problem.status);
    throw error;
  }
});

describe('multipart/form-data, read strictly', () => {
  it('reads what a browser-style encoder sends: text fields and a file with its exact bytes', async () => {
    const form = new FormData();
    form.append('lang', 'sv åäö');
    form.append('fil', new File([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3b, 0xe5, 0x0d, 0x0a])], 'rapport "1".csv'));
    const res = await app.request('/', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      text: 'sv åäö',
      file: { name: 'rapport "1".csv', bytes: [0xef, 0xbb, 0xbf, 0x61, 0x3b, 0xe5, 0x0d, 0x0a] },
    });
  });

  it('treats a file input with no file chosen as no file', () => {
    const form = multipartForm(parseMultipart(enc(`${part('fil', '', '')}--XyZ--\r\n`), TYPE));
    expect(form.parts).toHaveLength(1);
    expect(form.file('fil')).toBeUndefined();
  });

  it('refuses a body cut off before its closing boundary, naming why', () => {
    const cut = `${part('lang', 'sv')}${part('fil', 'a;b\r\n1;2', 'r.csv')}`.slice(0, -10);
    expect(refusal(cut)?.errors?.[0]?.sv).toContain('avkortat');
    expect(refusal(`${part('lang', 'sv')}`)?.errors?.[0]?.sv).toContain('avkortat');
    expect(refusal(`${part('lang', 'sv')}--XyZ--`)).toBeUndefined();
  });

  it('refuses a missing boundary, a part without a name, a malformed header and too many parts', () => {
    expect(refusal(`${part('a', '1')}--XyZ--`, 'multipart/form-data')?.status).toBe(400);
    expect(refusal(`--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--`)?.errors?.[0]?.sv).toContain('saknar namn');
    expect(refusal(`--XyZ\r\nnot a header\r\n\r\nx\r\n--XyZ--`)?.errors?.[0]?.sv).toContain('felaktig');
    expect(refusal(`${part('a', '1')}${part('b', '2')}${part('c', '3')}--XyZ--`, TYPE, 2)?.errors?.[0]?.sv).toContain('Högst 2');
    expect(refusal('garbage without any boundary')?.status).toBe(400);
  });

  it('refuses a text field that is not UTF-8, naming the field', () => {
    const body = new Uint8Array([...enc(`--XyZ\r\nContent-Disposition: form-data; name="lang"\r\n\r\n`), 0xe5, ...enc('\r\n--XyZ--')]);
    const form = multipartForm(parseMultipart(body, TYPE));
    expect(() => form.text('lang')).toThrow(ProblemError);
    try {
      form.text('lang');
    } catch (error) {
      expect((error as ProblemError).problem.errors?.[0]?.field).toBe('lang');
    }
  });

  it('answers 415 to another content type and 413 above the size limit', async () => {
    const urlencoded = await app.request('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(urlencoded.status).toBe(415);
    const big = await app.request('/', {
      method: 'POST',
      headers: { 'content-type': TYPE },
      body: `${part('fil', 'x'.repeat(2000), 'r.csv')}--XyZ--`,
    });
    expect(big.status).toBe(413);
  });
});
