import { describe, expect, it } from 'vitest';
import { calendarKit } from './helpers.js';

const HEADER = 'titel;beskrivning;ämne;arrangör;start;slut;plats;adress;länk;språk;platser;sista anmälningsdag;målgrupp;roller';
const row = (over: Partial<Record<'title' | 'topic' | 'org' | 'start' | 'end' | 'cap', string>> = {}) =>
  [
    over.title ?? 'MI fördjupning',
    '"Dag 1; dag 2"',
    over.topic ?? 'mi',
    over.org ?? '0512',
    over.start ?? '2026-04-14 09:00',
    over.end ?? '2026-04-14 16:00',
    'Kommunhuset',
    '',
    '',
    'sv',
    over.cap ?? '25',
    '2026-04-01 12:00',
    '0512,0513',
    'social-worker',
  ].join(';');

const post = (app: Awaited<ReturnType<typeof calendarKit>>['app'], auth: string, text: string) =>
  app.request('/api/calendar/import', {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', authorization: auth },
    body: text,
  });

describe('CSV import of a term’s programme', () => {
  it('imports every row of a semicolon file with a UTF-8 BOM and CRLF line ends', async () => {
    const { app, editor } = await calendarKit();
    const res = await post(app, editor, `\uFEFF${HEADER}\r\n${row()}\r\n${row({ title: 'SIP', topic: 'sip' })}\r\n`);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ imported: 2 });
    const list = (await (await app.request('/api/calendar/events')).json()) as {
      items: { title: string; description: string; audienceOrgs: string[] }[];
    };
    expect(list.items.map((e) => e.title)).toEqual(['MI fördjupning', 'SIP']);
    expect(list.items[0]).toMatchObject({ description: 'Dag 1; dag 2', audienceOrgs: ['0512', '0513'] });
  });

  it('names row and column of every error and stores nothing', async () => {
    const { app, editor, kit } = await calendarKit();
    const res = await post(
      app,
      editor,
      `${HEADER}\n${row()}\n${row({ topic: 'astrologi' })}\n${row({ end: '2026-04-14 08:00', cap: 'många' })}\n`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { row: number; column: string }[] };
    expect(body.errors.map((e) => `${e.row}:${e.column}`).sort()).toEqual(['3:ämne', '4:platser']);
    expect((await kit.deps.store.list('calendar/events/')).items).toHaveLength(0);
  });

  it('refuses rows of another organisation for an editor, naming the column', async () => {
    const { app, editor, kit } = await calendarKit();
    const res = await post(app, editor, `${HEADER}\n${row({ org: '0513' })}\n`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { row: number; column: string }[] }).errors).toMatchObject([{ row: 2, column: 'arrangör' }]);
    expect((await kit.deps.store.list('calendar/events/')).items).toHaveLength(0);
  });

  it('names a missing required column', async () => {
    const { app, editor } = await calendarKit();
    const res = await post(app, editor, 'titel;ämne\nX;mi\n');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { column: string }[] }).errors.map((e) => e.column)).toContain('arrangör');
  });
});

describe('CSV import: the file itself', () => {
  const post = async (body: string | Uint8Array) => {
    const { app, editor, kit } = await calendarKit();
    const res = await app.request('/api/calendar/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: editor },
      body,
    });
    return { res, body: (await res.json()) as { errors: { row: number; column: string; sv: string }[] }, kit };
  };

  it('refuses Windows-1252 bytes, a cut-off file and a tab before a formula, naming row and column, storing nothing', async () => {
    const latin1 = Uint8Array.from([...`${HEADER}\n${row({ title: 'Möte' })}\n`].map((ch) => ch.charCodeAt(0)));
    const cases: [string | Uint8Array, number, string][] = [
      // the first byte that is not UTF-8 is the ä of the header's third column, ämne
      [latin1, 1, 'C'],
      // cut off inside the quoted description of row 3
      [`${HEADER}\n${row()}\n${row().slice(0, 20)}`, 3, 'B'],
      [`${HEADER}\n${row({ title: '"\t=1+1"' })}\n`, 2, 'A'],
    ];
    for (const [file, r, column] of cases) {
      const { res, body, kit } = await post(file);
      expect(res.status).toBe(400);
      expect(body.errors).toMatchObject([{ row: r, column }]);
      expect(body.errors[0]!.sv).toMatch(new RegExp(`^Rad ${r}, kolumn ${column}: `));
      expect((await kit.deps.store.list('calendar/events/')).items).toHaveLength(0);
    }
  });

  it('reads a comma-separated file and numbers rows after a blank line as a spreadsheet does', async () => {
    const comma = (line: string) => line.replace('"Dag 1; dag 2"', 'Dag 1').replace('0512,0513', '"0512,0513"').split(';').join(',');
    const { res, body } = await post(`${comma(HEADER)}\n\n${comma(row({ topic: 'astrologi' }))}\n`);
    expect(res.status).toBe(400);
    expect(body.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:ämne']);
  });
});
