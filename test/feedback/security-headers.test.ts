import { describe, expect, test } from 'vitest';
import { feedbackHarness } from './helpers.js';

const PAGES = ['/tyck-till', '/tyck-till/tack', '/tyck-till/sammanstallning', '/tyck-till?lang=en'];

describe('security headers on the feedback pages', () => {
  test.each(PAGES)('%s has a Content-Security-Policy without inline script and with frame-ancestors none', async (path) => {
    const h = await feedbackHarness();
    const csp = (await h.app.request(path)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
  });

  test.each(PAGES)('%s sends nosniff and a referrer policy', async (path) => {
    const h = await feedbackHarness();
    const res = await h.app.request(path);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  test('the page has no inline script and no style attribute', async () => {
    const h = await feedbackHarness();
    const html = await (await h.app.request('/tyck-till')).text();
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/tyck-till/teckenraknare.js" defer="">']);
    expect(html).toContain('<script src="/tyck-till/teckenraknare.js" defer=""></script>');
    expect(html).not.toMatch(/\sstyle="/);
  });

  test('the error state of the form sends the same headers', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ text: '', action: 'review' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('HSTS is sent when the page is served over TLS', async () => {
    const h = await feedbackHarness();
    const res = await h.app.request('/tyck-till', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  test('HSTS is not sent over plain HTTP on a laptop', async () => {
    const h = await feedbackHarness();
    expect((await h.app.request('http://localhost/tyck-till')).headers.get('strict-transport-security')).toBeNull();
  });
});
