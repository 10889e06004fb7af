import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit, kindaService } from './helpers.js';

describe('staff editing of services', () => {
  it('lets an editor of Kinda create a Kinda service and finds it afterwards', async () => {
    const { app, kit } = await directoryApp();
    const editor = await kit.bearer({ roles: ['editor'], org: '0513' });
    const res = await app.request('/api/directory/services', jsonInit('POST', kindaService(), editor));
    expect(res.status).toBe(201);
    const list = await json(await app.request('/api/directory/services?municipality=0513&q=spel'));
    expect(list.items.map((s: { name: string }) => s.name)).toContain('Öppenvården Kinda');
  });

  it('refuses an editor of another municipality with 403 and stores nothing', async () => {
    const { app, kit } = await directoryApp();
    const editor = await kit.bearer({ roles: ['editor'], org: '0580' });
    const res = await app.request('/api/directory/services', jsonInit('POST', kindaService(), editor));
    expect(res.status).toBe(403);
    const list = await json(await app.request('/api/directory/services?q=kinda'));
    expect(list.items.map((s: { name: string }) => s.name)).not.toContain('Öppenvården Kinda');
  });

  it('refuses writes without a token', async () => {
    const { app } = await directoryApp();
    expect((await app.request('/api/directory/services', jsonInit('POST', kindaService()))).status).toBe(401);
  });

  it('requires If-Match to update and answers a stale one with 412 and the current version', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const created = await app.request('/api/directory/services', jsonInit('POST', kindaService(), admin));
    const { id } = await json(created);
    const etag = created.headers.get('etag')!;
    expect((await app.request(`/api/directory/services/${id}`, jsonInit('PUT', kindaService({ name: 'A' }), admin))).status).toBe(428);
    const first = await app.request(
      `/api/directory/services/${id}`,
      jsonInit('PUT', kindaService({ name: 'Första' }), admin, { 'if-match': etag }),
    );
    expect(first.status).toBe(200);
    const stale = await app.request(
      `/api/directory/services/${id}`,
      jsonInit('PUT', kindaService({ name: 'Andra' }), admin, { 'if-match': etag }),
    );
    expect(stale.status).toBe(412);
    const problem = await json(stale);
    expect(problem.current.name).toBe('Första');
    expect(stale.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('keeps every change with who and when, and lists it for staff', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'], sub: 'anna' });
    const created = await app.request('/api/directory/services', jsonInit('POST', kindaService(), admin));
    const { id } = await json(created);
    const updated = await app.request(
      `/api/directory/services/${id}`,
      jsonInit('PUT', kindaService({ verified: true }), admin, { 'if-match': created.headers.get('etag')! }),
    );
    await app.request(`/api/directory/services/${id}`, {
      method: 'DELETE',
      headers: { authorization: admin, 'if-match': updated.headers.get('etag')! },
    });
    const history = await json(await app.request(`/api/directory/services/${id}/history`, { headers: { authorization: admin } }));
    expect(history.changes.map((c: { action: string; by: string }) => `${c.action} by ${c.by}`)).toEqual([
      'create by anna',
      'update by anna',
      'retire by anna',
    ]);
    expect(history.changes[1].at).toMatch(/^2026-11-23T10:00:00\+01:00$/);
  });

  it('records who verified an entry and when', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'], sub: 'anna' });
    const created = await app.request('/api/directory/services', jsonInit('POST', kindaService({ verified: true }), admin));
    const service = await json(created);
    expect(service.verified).toEqual({ at: '2026-11-23T10:00:00+01:00', by: 'anna' });
  });

  it('hides a retired service from search but keeps it readable', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const created = await app.request('/api/directory/services', jsonInit('POST', kindaService(), admin));
    const { id } = await json(created);
    await app.request(`/api/directory/services/${id}`, {
      method: 'DELETE',
      headers: { authorization: admin, 'if-match': created.headers.get('etag')! },
    });
    const list = await json(await app.request('/api/directory/services?q=kinda'));
    expect(list.items.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await json(await app.request(`/api/directory/services/${id}`))).status).toBe('retired');
  });
});

describe('groups and agreements', () => {
  it('lists the Östergötland groups that Kinda belongs to', async () => {
    const { app } = await directoryApp();
    const body = await json(await app.request('/api/directory/groups?municipality=0513'));
    expect(body.total).toBeGreaterThan(0);
    for (const g of body.items) expect(g.members).toContain('0513');
  });

  it('lets a member editor update a group but not a non-member', async () => {
    const { app, kit } = await directoryApp();
    const groups = await json(await app.request('/api/directory/groups?municipality=0513'));
    const group = groups.items[0];
    const read = await app.request(`/api/directory/groups/${group.id}`);
    const etag = read.headers.get('etag')!;
    const body = { name: group.name, members: group.members, mandate: 'Ny beskrivning', meetingRhythm: 'Varannan månad' };
    const outsider = await kit.bearer({ roles: ['editor'], org: '0581' });
    expect((await app.request(`/api/directory/groups/${group.id}`, jsonInit('PUT', body, outsider, { 'if-match': etag }))).status).toBe(
      403,
    );
    const member = await kit.bearer({ roles: ['editor'], org: '0513' });
    expect((await app.request(`/api/directory/groups/${group.id}`, jsonInit('PUT', body, member, { 'if-match': etag }))).status).toBe(200);
  });

  it('lists agreements that have already ended and those ending soon', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    await app.request(
      '/api/directory/agreements',
      jsonInit('POST', { title: 'Avtal om LARO', parties: ['region', '0580'], ends: '2027-01-15' }, admin),
    );
    const expired = await json(await app.request('/api/directory/agreements?expired=true'));
    expect(expired.items.every((a: { expired: boolean }) => a.expired)).toBe(true);
    const soon = await json(await app.request('/api/directory/agreements?expiringWithinDays=60'));
    expect(soon.items.map((a: { title: string; daysLeft: number }) => [a.title, a.daysLeft])).toEqual([['Avtal om LARO', 53]]);
  });

  it('loses no service when two functions create services at the same moment', async () => {
    const { app, kit, deps } = await directoryApp();
    const { createDirectoryApp } = await import('../../functions/directory/app.js');
    const other = createDirectoryApp({ ...deps, ids: () => '00000000-0000-4000-8000-999999999999' });
    const admin = await kit.bearer({ roles: ['admin'] });
    await app.request('/api/directory/services');
    const answers = await Promise.all([
      app.request('/api/directory/services', jsonInit('POST', kindaService({ name: 'Första samtidiga' }), admin)),
      other.request('/api/directory/services', jsonInit('POST', kindaService({ name: 'Andra samtidiga' }), admin)),
    ]);
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    // a fresh function reads the store; warm ones see the other's write once their short cache window has passed
    const fresh = createDirectoryApp(deps);
    const names = (await json(await fresh.request('/api/directory/services?q=samtidiga'))).items.map((s: { name: string }) => s.name);
    expect(names.sort()).toEqual(['Andra samtidiga', 'Första samtidiga']);
  });
});
