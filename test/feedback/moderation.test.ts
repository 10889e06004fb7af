import { describe, expect, test } from 'vitest';
import { bodyOf, feedbackHarness, VALID, type FeedbackHarness } from './helpers.js';

async function withSubmission(fields: Record<string, string | readonly string[]> = {}) {
  const h = await feedbackHarness();
  await h.send({ ...VALID, ...fields });
  const auth = await h.kit.bearer({ sub: 'moderator-1', roles: ['moderator'] });
  const list = await bodyOf(await h.app.request('/api/feedback/submissions', { headers: { authorization: auth } }));
  return { h, auth, id: list.items[0].id as string };
}

const patch = (h: FeedbackHarness, id: string, auth: string, body: unknown, ifMatch?: string) =>
  h.app.request(`/api/feedback/submissions/${id}`, {
    method: 'PATCH',
    headers: { authorization: auth, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    body: JSON.stringify(body),
  });

describe('the moderators’ API', () => {
  test('needs a token', async () => {
    const h = await feedbackHarness();
    expect((await h.app.request('/api/feedback/submissions')).status).toBe(401);
  });

  test('needs the moderator role', async () => {
    const h = await feedbackHarness();
    const auth = await h.kit.bearer({ roles: ['editor'], org: '1490' });
    expect((await h.app.request('/api/feedback/submissions', { headers: { authorization: auth } })).status).toBe(403);
  });

  test('lists submissions with their status, filtered by målbild and municipality', async () => {
    const { h, auth } = await withSubmission({ municipality: '1490' });
    await h.send({ ...VALID, malbild: ['helhet'] });
    const get = async (q: string) =>
      (await bodyOf(await h.app.request(`/api/feedback/submissions?${q}`, { headers: { authorization: auth } }))).items;
    expect(await get('')).toHaveLength(2);
    expect(await get('malbild=helhet')).toHaveLength(1);
    expect(await get('municipality=1490')).toHaveLength(1);
    expect((await get('status=new'))[0].moderation.status).toBe('new');
    expect(await get('period=2026-Q3')).toHaveLength(0);
  });

  test('pages through the list with a cursor', async () => {
    const { h, auth } = await withSubmission();
    await h.send({ ...VALID });
    const first = await bodyOf(await h.app.request('/api/feedback/submissions?limit=1', { headers: { authorization: auth } }));
    const second = await bodyOf(
      h.app.request(`/api/feedback/submissions?limit=1&cursor=${first.nextCursor}`, { headers: { authorization: auth } }),
    );
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  test('a change needs If-Match', async () => {
    const { h, auth, id } = await withSubmission();
    expect((await patch(h, id, auth, { status: 'reviewed' })).status).toBe(428);
  });

  test('publishes a quote, redacted, and logs who did it without the text', async () => {
    const { h, auth, id } = await withSubmission({ text: 'Personalen lyssnade på mig, ring 070-123 45 67', pd: 'shown' });
    const res = await patch(
      h,
      id,
      auth,
      { status: 'published', tags: ['bemotande'], quote: 'Personalen lyssnade på mig, ring [telefonnummer borttaget]' },
      '"new"',
    );
    expect(res.status).toBe(200);
    expect((await bodyOf(res)).moderation).toMatchObject({ status: 'published', updatedBy: 'moderator-1', tags: ['bemotande'] });
    const [auditKey] = await h.keys('feedback/audit/');
    const found = await h.kit.deps.store.get(auditKey ?? '');
    const audit = found && found !== 'not-modified' ? new TextDecoder().decode(found.body) : '';
    expect(audit).toContain('moderator-1');
    expect(audit).not.toContain('lyssnade');
  });

  test('a quote that is not words of the submission is refused', async () => {
    const { h, auth, id } = await withSubmission();
    expect((await patch(h, id, auth, { quote: 'Något helt annat' }, '"new"')).status).toBe(400);
  });

  test('a stale If-Match gets 412 with the current version', async () => {
    const { h, auth, id } = await withSubmission();
    expect((await patch(h, id, auth, { status: 'reviewed' }, '"new"')).status).toBe(200);
    const res = await patch(h, id, auth, { status: 'hidden' }, '"new"');
    expect(res.status).toBe(412);
    expect((await bodyOf(res)).current.status).toBe('reviewed');
  });

  test('shows the contact details to a moderator, and deletes them on request', async () => {
    const { h, auth, id } = await withSubmission({ contact: 'anna@example.se', consent: 'yes' });
    const one = await bodyOf(await h.app.request(`/api/feedback/submissions/${id}`, { headers: { authorization: auth } }));
    expect(one.contact.contact).toBe('anna@example.se');
    expect(
      (await h.app.request(`/api/feedback/submissions/${id}/contact`, { method: 'DELETE', headers: { authorization: auth } })).status,
    ).toBe(204);
    expect(await h.keys('feedback/contacts/')).toEqual([]);
  });

  test('never shows a submission older than the retention', async () => {
    const { h, id } = await withSubmission();
    h.clock.advance((h.kit.deps.config.retention.feedbackDays + 1) * 86400);
    const auth = await h.kit.bearer({ roles: ['moderator'] });
    expect((await h.app.request(`/api/feedback/submissions/${id}`, { headers: { authorization: auth } })).status).toBe(404);
    expect((await bodyOf(await h.app.request('/api/feedback/submissions', { headers: { authorization: auth } }))).items).toEqual([]);
  });

  test('an unknown id is 404', async () => {
    const { h, auth } = await withSubmission();
    expect((await h.app.request('/api/feedback/submissions/1795424405000-nothere', { headers: { authorization: auth } })).status).toBe(404);
  });
});

describe('the audit log', () => {
  test('lists who did what and when, never the text', async () => {
    const { h, auth, id } = await withSubmission();
    await patch(h, id, auth, { status: 'reviewed' }, '"new"');
    const body = await bodyOf(h.app.request('/api/feedback/audit', { headers: { authorization: auth } }));
    expect(body.items).toEqual([
      { at: '2026-11-23T10:00:05+01:00', by: 'moderator-1', submission: id, action: 'change', fields: ['status'] },
    ]);
    expect(JSON.stringify(body)).not.toContain(VALID.text);
  });

  test('is for moderators only', async () => {
    const { h } = await withSubmission();
    expect((await h.app.request('/api/feedback/audit')).status).toBe(401);
  });
});
