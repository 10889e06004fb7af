import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit } from './helpers.js';
import { seedSamverkan } from './samverkan-fixture.js';

/** Östergötland with the samverkan fixture; every case is a replacement of a stored entry. */
async function setup() {
  const { app, kit } = await directoryApp();
  const admin = await kit.bearer({ roles: ['admin'] });
  const ids = await seedSamverkan(app, admin);
  const etagOf = async (kind: string, id: string) => (await app.request(`/api/directory/${kind}/${id}`)).headers.get('etag')!;
  /**
   * PUT `body` over the stored entry; expect a 400 naming `field` in English and Swedish (a plain
   * schema error such as a missing field too, with the text `sv` when given), and the entry unchanged.
   */
  const refused = async (kind: string, id: string, body: unknown, field: string, sv?: string) => {
    const etag = await etagOf(kind, id);
    const res = await app.request(`/api/directory/${kind}/${id}`, jsonInit('PUT', body, admin, { 'if-match': etag }));
    expect(res.status, field).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json(res);
    expect(problem.title).toBe('Ogiltig begäran');
    const named = problem.errors.find((e: { field: string }) => e.field === field);
    expect(named, JSON.stringify(problem.errors)).toBeDefined();
    expect(named.message).toBeTruthy();
    expect(named.sv, JSON.stringify(named)).toBeTruthy();
    if (sv !== undefined) expect(named.sv).toBe(sv);
    expect(await etagOf(kind, id)).toBe(etag);
  };
  return { app, admin, ids, refused };
}

describe('bad input on replacing a group, an agreement or a plan stores nothing', () => {
  it('refuses a status change without a date, one dated before the change before it, and one that repeats the status', async () => {
    const { app, ids, refused } = await setup();
    const { title, ends } = await json(await app.request(`/api/directory/agreements/${ids.agreementId}`));
    const lifecycle = [
      { status: 'under-utarbetande', date: '2013-03-01' },
      { status: 'gallande', date: '2014-01-01' },
    ];
    const ok = { title, ends, lifecycle };
    await refused(
      'agreements',
      ids.agreementId,
      { ...ok, lifecycle: [lifecycle[0], { status: 'gallande' }] },
      'lifecycle.1.date',
      'Fältet saknas',
    );
    await refused(
      'agreements',
      ids.agreementId,
      { ...ok, lifecycle: [...lifecycle, { status: 'under-revidering', date: '2013-12-31' }] },
      'lifecycle.2.date',
    );
    await refused(
      'agreements',
      ids.agreementId,
      { ...ok, lifecycle: [...lifecycle, { status: 'gallande', date: '2015-01-01' }] },
      'lifecycle.2.status',
    );
  });

  it('refuses a decision due before its meeting and a contact outside the configured work domains', async () => {
    const { ids, refused } = await setup();
    const meeting = { id: 'm9', date: '2026-09-15', decisions: [{ text: 'Följ upp', responsible: '0513', deadline: '2026-09-14' }] };
    await refused('groups', ids.groupId, { name: 'Arbetsgrupp LVM-processen', meetings: [meeting] }, 'meetings.0.decisions.0.deadline');
    // a look-alike of a configured domain is not a work address
    const contacts = [{ name: 'N N', email: 'nn@evilregionostergotland.se' }];
    await refused('groups', ids.groupId, { name: 'Arbetsgrupp LVM-processen', contacts }, 'contacts.0.email');
  });

  it('refuses a plan item or a decision for an organisation outside the area', async () => {
    const { ids, refused } = await setup();
    const items = [{ id: 'x', what: 'Samordning', responsible: '0180' }];
    await refused(
      'plans',
      ids.planId,
      { title: 'Handlingsplan 2026', owner: 'region', agreementId: ids.agreementId, items },
      'items.0.responsible',
    );
    const meeting = { id: 'm9', date: '2026-09-15', decisions: [{ text: 'Följ upp', responsible: '1480' }] };
    await refused('groups', ids.groupId, { name: 'Arbetsgrupp LVM-processen', meetings: [meeting] }, 'meetings.0.decisions.0.responsible');
  });
});
