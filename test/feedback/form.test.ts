import { describe, expect, test } from 'vitest';
import { getJson } from '../../functions/core/store/json.js';
import type { Contact, Submission } from '../../functions/feedback/data/submissions.js';
import { feedbackHarness, VALID } from './helpers.js';

describe('the form page', () => {
  test('shows the ten målbilder as checkboxes in a fieldset with a legend', async () => {
    const h = await feedbackHarness();
    const html = await (await h.app.request('/tyck-till')).text();
    expect(html.match(/type="checkbox" id="malbild-/g)).toHaveLength(10);
    expect(html).toContain('<legend>Vad handlar din synpunkt om?</legend>');
    expect(html).toContain('Du kan skriva upp till 2000 tecken');
    expect(html).toContain('novalidate');
  });

  test('is in English with ?lang=en', async () => {
    const h = await feedbackHarness();
    const html = await (await h.app.request('/tyck-till?lang=en')).text();
    expect(html).toContain('Have your say');
    expect(html).toContain('You can write up to 2000 characters');
  });

  test('offers the services of the directory when its index exists', async () => {
    const h = await feedbackHarness();
    expect(await (await h.app.request('/tyck-till')).text()).not.toContain('id="service"');
    await h.kit.deps.store.put(
      'directory/public/service-index.json',
      JSON.stringify([{ id: 'mini-maria-boras', name: 'Mini-Maria Borås', municipalities: ['1490'] }]),
    );
    h.clock.advance(61); // the index is looked up at most once a minute
    expect(await (await h.app.request('/tyck-till')).text()).toContain('Mini-Maria Borås');
  });

  test('answers with no-store so a token is never shared through a cache', async () => {
    const h = await feedbackHarness();
    expect((await h.app.request('/tyck-till')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('posting the form', () => {
  test('a valid submission is stored and the person is sent to the thank-you page', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, municipality: '1490', rating: '4', writer: 'relative' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/tyck-till/tack');
    const [key] = await h.keys('feedback/submissions/');
    const stored = (await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value;
    expect(stored).toMatchObject({
      categories: ['respekt'],
      municipality: '1490',
      rating: 4,
      writer: 'relative',
      text: VALID.text,
      hasContact: false,
    });
    expect(stored?.receivedAt).toBe('2026-11-23T10:00:05+01:00');
  });

  test('without a målbild the page says so first, links to the first option, and keeps the text', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ text: 'Min text som ska finnas kvar', action: 'review' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<title>Fel: Tyck till/);
    expect(html).toContain('Det finns ett problem');
    expect(html).toContain('href="#malbild-tidig-hjalp"');
    expect(html).toContain('Min text som ska finnas kvar');
    expect(await h.keys('feedback/submissions/')).toEqual([]);
  });

  test('a text over the limit is rejected with the limit named', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, text: 'a'.repeat(2001) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Synpunkten får vara högst 2000 tecken');
    expect(await h.keys('feedback/submissions/')).toEqual([]);
  });

  test('an unknown municipality is rejected', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, municipality: '0180' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Välj en kommun i listan');
  });

  test('an unknown service is rejected', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, service: 'finns-inte' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Välj en verksamhet i listan');
  });

  test('a contact detail without consent is rejected and nothing is stored', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, contact: 'anna@example.se' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Kryssa i att vi får spara din kontaktuppgift');
    expect(await h.keys('feedback/')).toEqual([]);
  });

  test('a contact detail with consent is stored apart from the text', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, contact: 'anna@example.se', consent: 'yes' });
    const [contactKey] = await h.keys('feedback/contacts/');
    const contact = (await getJson<Contact>(h.kit.deps.store, contactKey ?? ''))?.value;
    expect(contact).toMatchObject({ contact: 'anna@example.se', kind: 'email' });
    const [key] = await h.keys('feedback/submissions/');
    const raw = JSON.stringify((await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value);
    expect(raw).not.toContain('anna@example.se');
  });

  test('the review step shows the answers and carries them to the send button', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, action: 'review' });
    const html = await res.text();
    expect(html).toContain('Granska och skicka');
    expect(html).toContain('name="action" value="send"');
    expect(html).toContain('<input type="hidden" name="malbild" value="respekt"/>');
    expect(await h.keys('feedback/submissions/')).toEqual([]);
  });

  test('"Ändra" on the review page brings the form back filled in', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, action: 'edit', rating: '2' });
    const html = await res.text();
    expect(html).toContain('value="respekt" checked=""');
    expect(html).toContain('value="2" checked=""');
  });
});

describe('personal data in the text', () => {
  test('the person is told plainly what was found and the text is kept for editing', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, text: 'Jag är 19121212-1212, ring 070-123 45 67' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Din text verkar innehålla ett personnummer och ett telefonnummer');
    expect(html).toContain('Jag är 19121212-1212, ring 070-123 45 67');
    expect(await h.keys('feedback/submissions/')).toEqual([]);
  });

  test('sent again after editing it out, the text is stored as written', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, text: 'Jag är 19121212-1212' });
    await h.send({ ...VALID, text: 'Jag är en brukare', pd: 'shown' });
    const [key] = await h.keys('feedback/submissions/');
    expect((await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value.text).toBe('Jag är en brukare');
  });

  test('sent again with the number still there, only the redacted text is stored', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, text: 'Jag är 19121212-1212', pd: 'shown' });
    expect(res.status).toBe(303);
    const [key] = await h.keys('feedback/submissions/');
    const stored = (await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value;
    expect(stored?.text).toBe('Jag är [personnummer borttaget]');
    expect(stored?.redactions).toEqual({ 'personal-identity-number': 1 });
  });

  test('the review page shows the text as it will be stored, redacted', async () => {
    const h = await feedbackHarness();
    const html = await (await h.send({ ...VALID, action: 'review', text: 'Mejla a@b.se', pd: 'shown' })).text();
    expect(html).toContain('Mejla [e-post borttagen]');
  });

  test('free text and contact details never reach the log', async () => {
    const lines: string[] = [];
    const h = await feedbackHarness();
    const log = { info: (m: string, f?: object) => lines.push(m + JSON.stringify(f)), warn: () => undefined, error: () => undefined };
    Object.assign(h.kit.deps, { log });
    await h.send({ ...VALID, text: 'Hemlig text 19121212-1212', pd: 'shown', contact: 'anna@example.se', consent: 'yes' });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/Hemlig|1212|anna@/);
  });
});

describe('crisis words', () => {
  test('a text suggesting a crisis is flagged for the moderators', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, text: 'Ibland vill jag inte leva längre.' });
    const [key] = await h.keys('feedback/submissions/');
    expect((await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value.flags).toEqual(['crisis']);
  });

  test('an everyday text is not flagged', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID });
    const [key] = await h.keys('feedback/submissions/');
    expect((await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value.flags).toEqual([]);
  });
});

describe('the form in English', () => {
  test('the form and the thank-you page never say "goal image"', async () => {
    const h = await feedbackHarness();
    const pages = [await (await h.app.request('/tyck-till?lang=en')).text(), await (await h.app.request('/tyck-till/tack?lang=en')).text()];
    for (const html of pages) expect(html).not.toMatch(/goal image/i);
  });

  test('an error page in English starts its title with "Error: " and keeps the language on the form', async () => {
    const h = await feedbackHarness();
    const token = await h.token();
    h.clock.advance(5);
    const res = await h.app.request('/tyck-till?lang=en', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ token, text: 'Hello', action: 'review' }).toString(),
    });
    const html = await res.text();
    expect(html).toMatch(/<title>Error: Have your say/);
    expect(html).toContain('Choose at least one area your feedback is about');
    expect(html).toContain('action="/tyck-till?lang=en"');
  });
});
