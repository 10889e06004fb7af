import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBaseApp } from '../../functions/core/http/base-app.js';
import { assertIfMatch, etagMatches, parseIfMatch, requireIfMatch } from '../../functions/core/http/preconditions.js';
import { testKit } from '../support/deps.js';

const CURRENT = '"v2"';

interface Problem {
  readonly title: string;
  readonly currentEtag?: string;
  readonly errors: readonly { readonly field: string; readonly message: string }[];
}
const problem = async (res: Response) => (await res.json()) as Problem;

/** A write route guarded like every service's: If-Match required, checked against the current version. */
async function guarded() {
  const kit = await testKit();
  const app = createBaseApp(kit.deps, 'directory');
  app.put('/thing', (c) => {
    assertIfMatch(requireIfMatch(c), CURRENT);
    return c.json({ ok: true });
  });
  return (ifMatch?: string) => app.request('/thing', { method: 'PUT', headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
}

describe('If-Match', () => {
  it('matches the current strong tag, alone, in a list, or as *', () => {
    expect(etagMatches('"v2"', CURRENT)).toBe(true);
    expect(etagMatches('"v1", "v2"', CURRENT)).toBe(true);
    expect(etagMatches('*', CURRENT)).toBe(true);
    expect(etagMatches('"v1"', CURRENT)).toBe(false);
  });

  it('never matches a weak tag, nor a weak current tag (the strong comparison of RFC 9110 §13.1.1)', () => {
    expect(etagMatches('W/"v2"', CURRENT)).toBe(false);
    expect(etagMatches('"v2"', 'W/"v2"')).toBe(false);
    expect(etagMatches('W/"v1", "v2"', CURRENT)).toBe(true);
  });

  it('does not match anything, not even *, when there is no current version', () => {
    expect(etagMatches('*', undefined)).toBe(false);
    expect(etagMatches('"v2"', undefined)).toBe(false);
  });

  it('parses lists with weak and strong tags', () => {
    expect(parseIfMatch(' "a" ,W/"b"')).toEqual({
      any: false,
      tags: [
        { tag: '"a"', weak: false },
        { tag: '"b"', weak: true },
      ],
    });
  });

  it('answers 428 in problem+json when If-Match is missing or blank', async () => {
    const send = await guarded();
    for (const value of [undefined, '', '   ']) {
      const res = await send(value);
      expect(res.status).toBe(428);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await problem(res)).errors[0]?.field).toBe('If-Match');
    }
  });

  it('answers 412 with the current ETag when the tag is stale', async () => {
    const res = await (await guarded())('"v1"');
    expect(res.status).toBe(412);
    expect(res.headers.get('etag')).toBe(CURRENT);
    expect((await problem(res)).currentEtag).toBe(CURRENT);
  });

  it('answers 412 saying why when the current tag was sent weak', async () => {
    const res = await (await guarded())('W/"v2"');
    expect(res.status).toBe(412);
    const body = await problem(res);
    expect(body.title).toBe('If-Match kräver den exakta ETag-versionen');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'If-Match', message: 'Weak ETag' })]);
  });

  it('answers 200 for the current tag, a list holding it, and *', async () => {
    const send = await guarded();
    for (const value of ['"v2"', '"v0", "v2"', '*']) expect((await send(value)).status).toBe(200);
  });

  it('answers 400 naming If-Match for any value that is not * or a list of quoted tags', async () => {
    const send = await guarded();
    const malformed = fc
      .oneof(
        fc.string({ minLength: 1 }).filter((s) => !s.includes('"') && s.trim() !== '' && s.trim() !== '*'),
        fc.constantFrom('v2', '"v2', 'W/v2', 'w/"v2"', '*, "v2"', '"v2" "v3"', ',', '"a"b"'),
      )
      .filter((s) => /^[\x20-\x7e]*$/.test(s));
    await fc.assert(
      fc.asyncProperty(malformed, async (value) => {
        const res = await send(value);
        expect(res.status).toBe(400);
        expect((await problem(res)).errors[0]?.field).toBe('If-Match');
      }),
      { numRuns: 60 },
    );
  });
});
