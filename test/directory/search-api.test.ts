import { describe, expect, it } from 'vitest';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { testKit } from '../support/deps.js';

async function appFor(area: string) {
  const kit = await testKit({ area });
  return { app: createDirectoryApp(kit.deps), kit };
}

async function search(app: Awaited<ReturnType<typeof appFor>>['app'], query: string) {
  const res = await app.request(`/api/directory/services?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; matchedAllWords: boolean; items: { id: string; name: string; matchedFields?: string[] }[] };
}

describe('searching services', () => {
  it('finds the seeded Östersund units in Jämtland for "ostersund spel"', async () => {
    const { app } = await appFor('jamtland');
    const body = await search(app, 'q=ostersund%20spel');
    const names = body.items.map((i) => i.name);
    expect(names).toContain('Nexus');
    expect(names).toContain('Gemensam mottagning (ett telefonnummer)');
  });

  it('finds every Mini Maria unit in Östergötland for "mini maria"', async () => {
    const { app } = await appFor('ostergotland');
    const body = await search(app, 'q=mini%20maria');
    expect(
      body.items
        .map((i) => i.name)
        .slice(0, 3)
        .sort(),
    ).toEqual(['Mini Maria Linköping', 'Mini Maria Mjölby', 'Mini Maria Motala']);
    expect(body.items[0]?.matchedFields).toContain('name');
  });
});
