import { describe, expect, it } from 'vitest';
import { indicatorsKit, json, release } from './helpers.js';

describe('derived indicators', () => {
  it('shows feedback and training as not yet available, not zero, while their sources are missing', async () => {
    const kit = await indicatorsKit();
    for (const id of ['feedback-received', 'staff-trained']) {
      const body = await json(await kit.app.request(`/api/indicators/area?indicator=${id}`));
      expect(body).toMatchObject({ available: false, items: [] });
    }
    const page = await (await kit.app.request('/uppfoljning')).text();
    expect(page).toContain('Ännu inte tillgänglig');
  });

  it('counts feedback per målbild and municipality, keeping feedback without a municipality in the area total', async () => {
    const kit = await indicatorsKit();
    await kit.deps.store.put(
      'feedback/public/counts.json',
      JSON.stringify([
        { period: '2026-Q3', malbild: 'respekt', municipality: '2580', count: 7 },
        { period: '2026-Q3', malbild: 'helhet', municipality: '2580', count: 5 },
        { period: '2026-Q3', malbild: 'respekt', municipality: null, count: 6 },
      ]),
    );
    expect((await release(kit)).status).toBe(201);
    const body = await json(await kit.app.request('/api/indicators/compare?indicator=feedback-received&period=2026-Q3'));
    expect(body.available).toBe(true);
    const lulea = body.organizations.find((o: { organization: string }) => o.organization === '2580');
    expect(lulea.cells).toMatchObject({ T: { value: 12 }, 'malbild:respekt': { value: 7 }, 'malbild:helhet': { value: 5 } });
    const kiruna = body.organizations.find((o: { organization: string }) => o.organization === '2584');
    expect(kiruna.cells.T).toEqual({ value: 0, status: 'reported' });
    expect(body.area.cells.T).toMatchObject({ value: 18 });
  });

  it('counts attended training per organisation and topic, suppressing small counts', async () => {
    const kit = await indicatorsKit();
    await kit.deps.store.put(
      'calendar/public/attendance.json',
      JSON.stringify([
        { org: '2584', period: '2026-Q3', topic: 'mi', count: 12 },
        { org: '2584', period: '2026-Q3', topic: 'sip', count: 2 },
      ]),
    );
    expect((await release(kit)).status).toBe(201);
    const body = await json(await kit.app.request('/api/indicators/compare?indicator=staff-trained&period=2026-Q3&org=2584'));
    expect(body.organizations[0].cells).toMatchObject({
      T: { value: 14 },
      'topic:mi': { value: null, status: 'suppressed' },
      'topic:sip': { value: null, status: 'suppressed' },
    });
  });
});
