import { describe, expect, test } from 'vitest';
import { getJson } from '../../functions/core/store/json.js';
import { SERVICE_INDEX_KEY, type ServiceRef } from '../../functions/feedback/data/service-index.js';
import type { Submission } from '../../functions/feedback/data/submissions.js';
import { feedbackHarness, VALID, type FeedbackHarness } from './helpers.js';

const CODES = ['1442', '1443', '1452', '1463', '1465', '1466', '1490', '1491'];

/** A directory of `n` services spread over the area's municipalities, plus three Mini-Marias. */
function bigIndex(n: number): ServiceRef[] {
  const services: ServiceRef[] = Array.from({ length: n }, (_, i) => ({
    id: `mottagning-${i}`,
    name: `Mottagning ${i} för stöd vid beroende`,
    municipalities: [CODES[i % CODES.length] ?? '1490'],
  }));
  services.push(
    { id: 'mini-maria-boras', name: 'Mini-Maria Borås', municipalities: ['1490'] },
    { id: 'mini-maria-ulricehamn', name: 'Mini-Maria Ulricehamn', municipalities: ['1491'] },
    { id: 'mini-maria-mark', name: 'Mini-Maria Mark', municipalities: ['1463'] },
  );
  return services;
}

async function withIndex(services: readonly ServiceRef[]): Promise<FeedbackHarness> {
  const h = await feedbackHarness({ rateLimits: { posts: 1000, windowSeconds: 600 } });
  await h.kit.deps.store.put(SERVICE_INDEX_KEY, JSON.stringify(services));
  return h;
}

const KB = 1024;
const storedService = async (h: FeedbackHarness) => {
  const [key] = await h.keys('feedback/submissions/');
  return (await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value.service;
};

describe('a directory of 50,000 services', () => {
  test('keeps the form page small: a name field instead of a drop-down', async () => {
    const h = await withIndex(bigIndex(50_000));
    for (const path of ['/tyck-till', '/tyck-till?lang=en']) {
      const html = await (await h.app.request(path)).text();
      expect(Buffer.byteLength(html)).toBeLessThan(100 * KB);
      expect(html).toContain('id="service-name"');
      expect(html).not.toContain('<select id="service"');
    }
  });

  test('keeps the page small when it comes back with errors for a municipality with thousands of services', async () => {
    const h = await withIndex(bigIndex(50_000));
    const res = await h.send({ text: 'Ingen målbild vald', municipality: '1490', action: 'review' });
    expect(res.status).toBe(400);
    expect(Buffer.byteLength(await res.text())).toBeLessThan(100 * KB);
  });

  test('a typed name that fits one service is stored as that service', async () => {
    const h = await withIndex(bigIndex(50_000));
    expect((await h.send({ ...VALID, 'service-name': 'mini-maria borås' })).status).toBe(303);
    expect(await storedService(h)).toBe('mini-maria-boras');
  });

  test('an exact name wins over longer names that contain it', async () => {
    const h = await withIndex(bigIndex(50_000));
    expect((await h.send({ ...VALID, 'service-name': 'Mottagning 12 för stöd vid beroende' })).status).toBe(303);
    expect(await storedService(h)).toBe('mottagning-12');
  });

  test('the review step names the service found', async () => {
    const h = await withIndex(bigIndex(50_000));
    const html = await (await h.send({ ...VALID, action: 'review', 'service-name': 'Mini-Maria Mark' })).text();
    expect(html).toContain('<dd>Mini-Maria Mark</dd>');
    expect(html).toContain('<input type="hidden" name="service" value="mini-maria-mark"/>');
  });

  test('a name that fits a few services offers them to choose from, without JavaScript', async () => {
    const h = await withIndex(bigIndex(50_000));
    const res = await h.send({ ...VALID, 'service-name': 'Mini-Maria' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Flera verksamheter passar. Välj en av dem');
    expect(html.match(/type="radio" id="service-\d+" name="service"/g)).toHaveLength(3);
    expect(html).toContain('href="#service-0"');
    expect((await h.send({ ...VALID, 'service-name': 'Mini-Maria', service: 'mini-maria-mark' })).status).toBe(303);
    expect(await storedService(h)).toBe('mini-maria-mark');
  });

  test('the chosen municipality narrows the search', async () => {
    const h = await withIndex(bigIndex(50_000));
    expect((await h.send({ ...VALID, municipality: '1491', 'service-name': 'Mini-Maria' })).status).toBe(303);
    expect(await storedService(h)).toBe('mini-maria-ulricehamn');
  });

  test('a name that fits thousands asks for more of it; one that fits none says so; the text is kept', async () => {
    const h = await withIndex(bigIndex(50_000));
    const many = await (await h.send({ ...VALID, 'service-name': 'Mottagning' })).text();
    expect(many).toContain('Många verksamheter passar. Skriv mer av namnet eller välj kommun');
    expect(many).toContain('value="Mottagning"');
    const none = await h.send({ ...VALID, 'service-name': 'Finns inte' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Vi hittar ingen verksamhet med det namnet');
    expect(await h.keys('feedback/submissions/')).toEqual([]);
  });

  test('an unknown service id links its error to the name field that is on the page', async () => {
    const h = await withIndex(bigIndex(50_000));
    const html = await (await h.send({ ...VALID, service: 'finns-inte' })).text();
    expect(html).toContain('<a href="#service-name">Välj en verksamhet i listan</a>');
    expect(html).toContain('id="service-name"');
  });

  test('an area with few services keeps the drop-down', async () => {
    const h = await withIndex(bigIndex(90));
    const html = await (await h.app.request('/tyck-till')).text();
    expect(html).toContain('<select id="service"');
    expect(html.match(/<option value="(mottagning|mini)/g)).toHaveLength(93);
  });

  test('a municipality with few services gets a drop-down of just those', async () => {
    const services = [
      ...bigIndex(50_000).filter((s) => s.municipalities[0] !== '1443'),
      { id: 'x-1443', name: 'Tranemo mottagning', municipalities: ['1443'] },
    ];
    const h = await withIndex(services);
    const res = await h.send({ text: 'Ingen målbild vald', municipality: '1443', action: 'review' });
    const html = await res.text();
    expect(html).toContain('<select id="service"');
    expect(html.match(/<option value="[^"]+"( selected="")?>/g)?.length).toBeLessThan(20);
    expect(html).toContain('Tranemo mottagning');
  });
});
