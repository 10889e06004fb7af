import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { multipartBody, multipartBoundary, parseMultipart } from '../../functions/core/http/multipart.js';
import { ProblemError } from '../../functions/core/http/problem.js';

/** The bytes and content type a browser (here: undici's FormData) sends for a form. */
async function encoded(form: FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const req = new Request('http://x/', { method: 'POST', body: form });
  return { bytes: new Uint8Array(await req.arrayBuffer()), type: req.headers.get('content-type')! };
}

function app(maxBytes = 1024) {
  const a = new Hono();
  a.post('/', async (c) => {
    try {
      const form = await multipartBody(c, { maxBytes, maxParts: 4 });
      const file = form.file('fil');
      return c.json({
        lang: form.field('lang'),
        file: file && {
          name: file.filename,
          size: file.bytes.length,
          text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes),
        },
      });
    } catch (e) {
      if (e instanceof ProblemError) return c.json(e.problem, e.problem.status as 400);
      throw e;
    }
  });
  return a;
}

describe('multipart/form-data', () => {
  it('reads a text field and a file exactly as a browser encodes them', async () => {
    const form = new FormData();
    form.append('lang', 'sv');
    const csv = '\uFEFFtitel;start\r\n"Rad\r\nmed radbrytning";2026-04-14 09:00\r\n--inte gränsen\r\n';
    form.append('fil', new Blob([csv], { type: 'text/csv' }), 'program "höst".csv');
    const { bytes, type } = await encoded(form);
    const res = await app().request('/', { method: 'POST', headers: { 'content-type': type }, body: bytes });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { lang: string; file: { name: string; size: number; text: string } };
    expect(body.lang).toBe('sv');
    expect(body.file.name).toBe('program "höst".csv');
    expect(body.file.text).toBe(csv);
  });

  it('treats a file field with no file chosen as no file', async () => {
    const form = new FormData();
    form.append('fil', new Blob([]), '');
    const { bytes, type } = await encoded(form);
    const res = await app().request('/', { method: 'POST', headers: { 'content-type': type }, body: bytes });
    expect(await res.json()).toEqual({});
  });

  it('answers 413 for a body over the limit, 415 for another type, 400 for a cut-off body', async () => {
    const form = new FormData();
    form.append('fil', new Blob(['x'.repeat(2000)]), 'stor.csv');
    const big = await encoded(form);
    const tooLarge = await app().request('/', { method: 'POST', headers: { 'content-type': big.type }, body: big.bytes });
    expect(tooLarge.status).toBe(413);
    const wrong = await app().request('/', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a;b' });
    expect(wrong.status).toBe(415);
    const small = new FormData();
    small.append('lang', 'sv');
    const ok = await encoded(small);
    const cut = await app().request('/', {
      method: 'POST',
      headers: { 'content-type': ok.type },
      body: ok.bytes.subarray(0, ok.bytes.length - 10),
    });
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('(body)');
  });

  it('refuses more parts than allowed and a text field that is not UTF-8, naming it', async () => {
    const many = new FormData();
    for (let i = 0; i < 5; i++) many.append(`f${i}`, 'x');
    const m = await encoded(many);
    expect((await app().request('/', { method: 'POST', headers: { 'content-type': m.type }, body: m.bytes })).status).toBe(400);
    const boundary = 'b0und';
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="lang"\r\n\r\n`),
      0xe5,
      ...new TextEncoder().encode(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app().request('/', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: latin1,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('lang');
  });

  it('finds the boundary in quoted and plain form, and none in other types', () => {
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary=----x')).toBe('----x');
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeUndefined();
    expect(() => parseMultipart(new TextEncoder().encode('--b\r\nX-Other: 1\r\n\r\nv\r\n--b--'), 'b')).toThrow(ProblemError);
  });
});
