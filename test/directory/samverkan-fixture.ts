import type { Hono } from 'hono';
import type { KitEnv } from '../../functions/core/http/staff.js';
import { json, jsonInit } from './helpers.js';

/** The named contact the fixture stores: it must never appear on a public page, feed or export. */
export const CONTACT_NAME = 'Astrid Kontaktperson';
export const CONTACT_EMAIL = 'astrid.kontakt@regionostergotland.se';

/** The goals the fixture gives the agreement: one indicator the releases show, one they hide when reported small. */
export const GOALS = [
  { text: 'Fler samordnade individuella planer', indicators: ['sip-established'], target: 30, direction: 'increase' },
  { text: 'Samordnade insatser vid samsjuklighet', indicators: ['co-occurring-coordinated'], target: 10, direction: 'increase' },
];

/**
 * Store an Östergötland group with a named contact and meetings, a plan with an overdue item, and
 * give the county-wide agreement (region and all 13 municipalities) goals and the group as its owner.
 */
export async function seedSamverkan(app: Hono<KitEnv>, admin: string): Promise<{ groupId: string; planId: string; agreementId: string }> {
  const group = await json(
    await app.request(
      '/api/directory/groups',
      jsonInit(
        'POST',
        {
          name: 'Arbetsgrupp LVM-processen',
          level: 'arbetsgrupp',
          members: ['0513', 'region'],
          memberRoles: [{ organization: '0513', role: 'socialchef' }],
          contacts: [{ name: CONTACT_NAME, title: 'Samordnare', email: CONTACT_EMAIL }],
          meetings: [
            {
              id: 'm1',
              date: '2026-03-10',
              agenda: 'LVM',
              decisions: [{ text: 'Ta fram rutin för LVM', responsible: '0513', deadline: '2026-06-30', status: 'pagar' }],
            },
          ],
        },
        admin,
      ),
    ),
  );
  // the county-wide agreement: the region and every municipality of the area are parties
  const agreements = await json(await app.request('/api/directory/agreements?limit=100'));
  const countyWide = agreements.items.find((a: { parties: string[] }) => a.parties.length === 14) ?? agreements.items[0];
  const agreementId = countyWide.id as string;
  const plan = await json(
    await app.request(
      '/api/directory/plans',
      jsonInit(
        'POST',
        {
          title: 'Handlingsplan 2026',
          owner: 'region',
          agreementId,
          items: [{ id: 'a', what: 'Gemensam rutin för SIP', responsible: '0513', deadline: '2026-06-30', status: 'pagar' }],
        },
        admin,
      ),
    ),
  );
  const current = await app.request(`/api/directory/agreements/${agreementId}`);
  const { title, ends } = await json(current);
  // a replacement that leaves out parties, roles and life cycle keeps them
  const res = await app.request(
    `/api/directory/agreements/${agreementId}`,
    jsonInit('PUT', { title, ends, goals: GOALS, groups: [group.id] }, admin, { 'if-match': current.headers.get('etag')! }),
  );
  if (res.status !== 200) throw new Error(`agreement not updated: ${res.status} ${await res.text()}`);
  return { groupId: group.id as string, planId: plan.id as string, agreementId };
}
