import type { Hono } from 'hono';
import type { KitEnv } from '../../functions/core/http/staff.js';
import { json, jsonInit } from './helpers.js';

/** The named contact the fixture stores: it must never appear on a public page, feed or export. */
export const CONTACT_NAME = 'Astrid Kontaktperson';
export const CONTACT_EMAIL = 'astrid.kontakt@regionostergotland.se';

/** Store an Östergötland group with a named contact and meetings, and a plan with an overdue item. */
export async function seedSamverkan(app: Hono<KitEnv>, admin: string): Promise<{ groupId: string; planId: string }> {
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
  const agreements = await json(await app.request('/api/directory/agreements?limit=1'));
  const plan = await json(
    await app.request(
      '/api/directory/plans',
      jsonInit(
        'POST',
        {
          title: 'Handlingsplan 2026',
          owner: 'region',
          agreementId: agreements.items[0].id,
          items: [{ id: 'a', what: 'Gemensam rutin för SIP', responsible: '0513', deadline: '2026-06-30', status: 'pagar' }],
        },
        admin,
      ),
    ),
  );
  return { groupId: group.id as string, planId: plan.id as string };
}
