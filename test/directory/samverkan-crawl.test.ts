import { describe, expect, it } from 'vitest';
import { directoryApp } from './helpers.js';
import { CONTACT_EMAIL, CONTACT_NAME, seedSamverkan } from './samverkan-fixture.js';

describe('no named contact on any public page, feed or export', () => {
  it('crawls every public link from the collaboration pages and the public APIs, in both languages', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const { groupId, planId, agreementId } = await seedSamverkan(app, admin);
    const queue = [
      '/hitta-stod/samverkan',
      '/hitta-stod/samverkan?lang=en',
      '/api/directory/groups?limit=100',
      '/api/directory/groups?municipality=0513',
      `/api/directory/groups/${groupId}`,
      '/api/directory/plans',
      '/api/directory/agreements?limit=100',
      '/api/directory/organizations/0513',
      '/api/directory/organizations/region',
      '/api/directory/services.csv',
      '/api/directory/hsds/organizations',
      `/api/directory/plans/${planId}/items.csv`,
    ];
    const seen = new Set<string>();
    while (queue.length && seen.size < 300) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await app.request(path);
      const text = await res.text();
      expect(text, path).not.toContain(CONTACT_NAME);
      expect(text, path).not.toContain(CONTACT_EMAIL);
      for (const [, href] of text.matchAll(/href="([^"]+)"/g)) {
        const link = (href ?? '').replaceAll('&amp;', '&');
        if (/^\/(hitta-stod\/samverkan|api\/directory)/.test(link)) queue.push(link);
      }
    }
    expect([...seen]).toEqual(
      expect.arrayContaining([
        `/hitta-stod/samverkan/grupp/${groupId}`,
        `/hitta-stod/samverkan/plan/${planId}`,
        `/hitta-stod/samverkan/overenskommelse/${agreementId}`,
        `/hitta-stod/samverkan/overenskommelse/${agreementId}/rapport`,
        `/hitta-stod/samverkan/overenskommelse/${agreementId}/rapport?lang=en`,
        `/api/directory/groups/${groupId}/meetings.ics`,
      ]),
    );
  });
});
