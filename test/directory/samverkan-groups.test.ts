import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../functions/directory/model/collection.js';
import type { CollaborationGroup } from '../../functions/directory/model/group.js';
import { checkGroupTree, emailInDomains } from '../../functions/directory/views/groups.js';
import type { ProblemError } from '../../functions/core/http/problem.js';
import { directoryApp, json, jsonInit } from './helpers.js';

const CONTACT = 'Astrid Kontaktperson';

function group(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Arbetsgrupp LVM-processen',
    level: 'arbetsgrupp',
    members: ['0513', 'region'],
    memberRoles: [{ organization: '0513', role: 'socialchef' }],
    convenes: 'region',
    meetingRhythm: 'Varannan månad',
    contacts: [{ name: CONTACT, title: 'Samordnare', email: 'astrid@regionostergotland.se' }],
    meetings: [
      {
        id: 'm1',
        date: '2026-03-10',
        startsAt: '13:00',
        agenda: 'LVM, LARO',
        decisions: [{ text: 'Ta fram rutin för LVM', responsible: '0513', deadline: '2026-06-30', status: 'pagar' }],
      },
      { id: 'm2', date: '2026-05-12', decisions: [] },
    ],
    ...overrides,
  };
}

async function setup() {
  const env = await directoryApp();
  const admin = await env.kit.bearer({ roles: ['admin'] });
  const create = async (body: unknown) => env.app.request('/api/directory/groups', jsonInit('POST', body, admin));
  const read = async (id: string) => env.app.request(`/api/directory/groups/${id}`, { headers: { authorization: admin } });
  return { ...env, admin, create, read };
}

describe('collaboration groups: level, tree, roles, contacts, meetings', () => {
  it('stores level, reports-to, roles, convener and meetings, and shows them on the public pages', async () => {
    const { app, create } = await setup();
    const parent = await json(await create(group({ name: 'Länsstyrgrupp', level: 'strategisk', meetings: [] })));
    const child = await json(await create(group({ reportsTo: parent.id })));
    expect(child.reportsTo).toBe(parent.id);
    const tree = await (await app.request('/hitta-stod/samverkan')).text();
    // the child is a nested list inside the parent's item
    const parentAt = tree.indexOf('Länsstyrgrupp</a>');
    const childAt = tree.indexOf('Arbetsgrupp LVM-processen</a>');
    expect(parentAt).toBeGreaterThan(0);
    expect(childAt).toBeGreaterThan(parentAt);
    expect(tree.slice(parentAt, childAt)).toContain('<ul class="tree">');
    expect(tree).toContain('Kinda (socialchef)');
    expect(tree).toContain('Ta fram rutin för LVM');
    const page = await (await app.request(`/hitta-stod/samverkan/grupp/${child.id}?lang=en`)).text();
    expect(page).toContain('Working group');
    expect(page).toContain('Reports to');
    expect(page).toContain('In progress');
  });

  it('refuses a group that reports to itself or in a cycle, naming reportsTo, and stores nothing', async () => {
    const { app, create, read, admin } = await setup();
    const a = await json(await create(group({ name: 'A', meetings: [] })));
    const b = await json(await create(group({ name: 'B', reportsTo: a.id, meetings: [] })));
    for (const target of [a.id, b.id]) {
      const current = await read(a.id);
      const etag = current.headers.get('etag')!;
      const res = await app.request(
        `/api/directory/groups/${a.id}`,
        jsonInit('PUT', group({ name: 'A', reportsTo: target, meetings: [] }), admin, { 'if-match': etag }),
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await json(res);
      expect(problem.title).toBe('Ogiltig begäran');
      expect(problem.errors[0].field).toBe('reportsTo');
      expect(problem.errors[0].sv).toBeTruthy();
      expect((await read(a.id)).headers.get('etag')).toBe(etag);
    }
    expect((await json(await create(group({ name: 'C', reportsTo: 'no-such-group' })))).errors[0].field).toBe('reportsTo');
  });

  it('refuses a decision due before its meeting, a contact outside the work domains and a role of a non-member', async () => {
    const { app, create } = await setup();
    const before = await app.request('/api/directory/groups?includeRetired=true');
    const cases: [Record<string, unknown>, string][] = [
      [
        { meetings: [{ id: 'm1', date: '2026-03-10', decisions: [{ text: 'X', responsible: '0513', deadline: '2026-03-09' }] }] },
        'meetings.0.decisions.0.deadline',
      ],
      [{ contacts: [{ name: 'N N', email: 'nn@gmail.com' }] }, 'contacts.0.email'],
      [{ memberRoles: [{ organization: '0580', role: 'socialchef' }] }, 'memberRoles.0.organization'],
      [
        { meetings: [{ id: 'm1', date: '2026-03-10', decisions: [{ text: 'X', responsible: '9999' }] }] },
        'meetings.0.decisions.0.responsible',
      ],
    ];
    for (const [overrides, field] of cases) {
      const res = await create(group(overrides));
      expect(res.status).toBe(400);
      const problem = await json(res);
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const after = await app.request('/api/directory/groups?includeRetired=true');
    expect(await after.text()).toBe(await before.text());
  });

  it('answers a stale If-Match with 412', async () => {
    const { app, create, admin } = await setup();
    const res = await create(group());
    const etag = res.headers.get('etag')!;
    const { id } = await json(res);
    expect(
      (await app.request(`/api/directory/groups/${id}`, jsonInit('PUT', group({ mandate: 'Ny' }), admin, { 'if-match': etag }))).status,
    ).toBe(200);
    expect(
      (await app.request(`/api/directory/groups/${id}`, jsonInit('PUT', group({ mandate: 'Äldre' }), admin, { 'if-match': etag }))).status,
    ).toBe(412);
  });

  it('shows named contacts to the group’s staff only, never on public routes, pages or the feed', async () => {
    const { app, kit, create } = await setup();
    const { id } = await json(await create(group()));
    const member = await kit.bearer({ roles: ['editor'], org: '0513' });
    const own = await json(await app.request(`/api/directory/groups/${id}`, { headers: { authorization: member } }));
    expect(own.contacts[0].name).toBe(CONTACT);
    for (const path of [
      `/api/directory/groups/${id}`,
      '/api/directory/groups',
      '/api/directory/groups?municipality=0513',
      '/api/directory/organizations/0513',
      '/hitta-stod/samverkan',
      '/hitta-stod/samverkan?lang=en',
      `/hitta-stod/samverkan/grupp/${id}`,
      `/api/directory/groups/${id}/meetings.ics`,
    ]) {
      const text = await (await app.request(path)).text();
      expect(text, path).not.toContain(CONTACT);
      expect(text, path).not.toContain('astrid@');
    }
  });

  it('publishes the meetings as iCalendar, one UID per meeting, readable by ical.js', async () => {
    const { app, create } = await setup();
    const { id } = await json(await create(group()));
    const res = await app.request(`/api/directory/groups/${id}/meetings.ics`);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
    const first = events.find((e) => e.startDate.toJSDate().toISOString() === '2026-03-10T12:00:00.000Z');
    expect(first?.description).toContain('Ta fram rutin för LVM');
    expect(events.some((e) => e.startDate.isDate)).toBe(true);
  });
});

describe('the group tree check', () => {
  const collectionOf = (parents: readonly (number | undefined)[]): Collection =>
    ({
      groups: parents.map((p, i) => ({ id: `g${i}`, ...(p === undefined ? {} : { reportsTo: `g${p}` }) }) as unknown as CollaborationGroup),
    }) as unknown as Collection;

  it('refuses exactly the parents that would make a cycle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((n) =>
          fc.tuple(
            // a forest: each group's parent is an earlier group or none
            fc.tuple(
              ...Array.from({ length: n }, (_, i) =>
                i === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: undefined }),
              ),
            ),
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
          ),
        ),
        ([parents, child, parent]) => {
          const collection = collectionOf(parents);
          // is `child` an ancestor of `parent` (or the same)?
          let cycle = false;
          for (let at: number | undefined = parent; at !== undefined; at = parents[at]) if (at === child) cycle = true;
          let refused: ProblemError | undefined;
          try {
            checkGroupTree(collection, `g${child}`, `g${parent}`);
          } catch (error) {
            refused = error as ProblemError;
          }
          expect(refused !== undefined).toBe(cycle);
          if (refused) expect(refused.problem.errors?.[0]?.field).toBe('reportsTo');
        },
      ),
    );
  });

  it('matches work domains exactly or as subdomains of a *. pattern', () => {
    expect(emailInDomains('a@regionostergotland.se', ['regionostergotland.se'])).toBe(true);
    expect(emailInDomains('a@evilregionostergotland.se', ['regionostergotland.se'])).toBe(false);
    expect(emailInDomains('a@soc.linkoping.se', ['*.linkoping.se'])).toBe(true);
    expect(emailInDomains('a@xlinkoping.se', ['*.linkoping.se'])).toBe(false);
    expect(emailInDomains('a@gmail.com', [])).toBe(false);
  });
});
