import { Hono } from 'hono';
import { createCalendarApp } from '../../functions/calendar/app.js';
import type { CountyConfig } from '../../functions/core/config/schema.js';
import { serviceForPath } from '../../functions/core/routes.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { areaConfig, testKit } from '../support/deps.js';
import { formBody, movableClock, TEST_SECRET } from '../feedback/helpers.js';

/** A long compound word as real unit names have them. */
export const LONG_NAME = 'Beroendemottagningens öppenvårdsverksamhet för samsjuklighetsbehandling';
const LONG_WORD = 'Missbruksbehandlingsutvecklingsprojektsamordnare';
const FEEDBACK_TEXT = `Personalen på ${LONG_NAME} tog sig tid.\nMin ${LONG_WORD.toLowerCase()} ringde tillbaka.`;

/** Östergötland (13 municipalities, the widest tables) with a region unit whose name is one long line. */
function reflowConfig(): CountyConfig {
  const base = areaConfig('ostergotland');
  return { ...base, region: { ...base.region, units: [{ id: 'beroendemottagningen', name: LONG_NAME }] } };
}

/** The four services in one app, dispatched by path as on AWS, seeded with long words and long titles. */
export interface ReflowSite {
  readonly app: Pick<Hono, 'fetch'>;
  /** Paths of every public page, with seeded ids filled in. */
  readonly pages: readonly string[];
  /** The page of a training whose form the test fills in. */
  readonly trainingPath: string;
  /** Moves the site's clock, e.g. past the feedback form's minimum fill-in time. */
  advance(seconds: number): void;
}

async function ok(res: Response | Promise<Response>, what: string, expected?: number): Promise<Response> {
  const r = await res;
  if (expected ? r.status !== expected : r.status >= 300) throw new Error(`${what}: ${r.status} ${(await r.text()).slice(0, 400)}`);
  return r;
}

/**
 * Build the site and seed it through the services' own APIs and forms: a service, group and
 * agreement with long names, long training titles in several topics, reports from every
 * organisation, and enough feedback for unsuppressed counts and a published quote.
 */
export async function reflowSite(): Promise<ReflowSite> {
  const clock = movableClock('2026-11-23T10:00:00+01:00');
  const kit = await testKit({ config: reflowConfig(), clock });
  // the browser posts from 127.0.0.1:<port>, so the same-origin checks compare with the request's own origin
  const deps = { ...kit.deps, publicOrigin: undefined };
  const apps = {
    directory: createDirectoryApp(deps),
    calendar: createCalendarApp(deps),
    indicators: createIndicatorsApp(deps, { cacheWindowMs: 0 }),
    feedback: createFeedbackApp(deps, { secret: TEST_SECRET, clientAddress: () => '192.0.2.1' }),
  };
  const root = new Hono();
  root.all('*', (c) => apps[serviceForPath(new URL(c.req.url).pathname) ?? 'directory'].fetch(c.req.raw));
  const admin = await kit.bearer({ sub: 'admin', roles: ['admin'] });
  const moderator = await kit.bearer({ sub: 'moderator', roles: ['moderator'] });
  const post = (path: string, body: unknown, auth = admin, method = 'POST') =>
    root.request(path, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const service = await (
    await ok(
      post('/api/directory/services', {
        name: LONG_NAME,
        description: `Samtalsstöd och ${LONG_WORD.toLowerCase()} för vuxna med samsjuklighet.\nRing först, så bokar vi en tid.\n\nVi har tystnadsplikt.`,
        organizationId: 'region',
        principal: 'region',
        careLevels: ['specialist-addiction'],
        targetGroups: ['adults', 'relatives'],
        substances: ['alcohol', 'narcotics'],
        municipalities: ['0580', '0581', '0583', '0586', '0512', '0509'],
        referralRequired: false,
        phones: [{ number: '010-103 00 00' }, { number: '010-103 12 34', description: 'Sjuksköterska, vardagar 08–10' }],
        email: 'beroendemottagningens.samsjuklighetsbehandling@regionostergotland.example',
        url: 'https://www.regionostergotland.example/beroendemottagningens-oppenvardsverksamhet-for-samsjuklighetsbehandling',
        locations: [
          {
            name: LONG_NAME,
            street: 'Sjukhusvägen 12',
            postalCode: '581 85',
            city: 'Linköping',
            accessibility: 'Hiss och handikapptoalett',
          },
        ],
        schedules: [{ kind: 'phone', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '10:00' }],
      }),
      'service',
    )
  ).json();
  const group = (await (
    await ok(
      post('/api/directory/groups', {
        name: `Samverkansgruppen för ${LONG_WORD.toLowerCase()}`,
        mandate: `${LONG_NAME} samordnar länsgemensamma riktlinjer.`,
        members: ['0580', '0581', '0583', 'region'],
        meetings: [{ id: 'm1', date: '2026-10-01', decisions: [{ text: `${LONG_NAME} tar fram en rutin.`, responsible: 'region' }] }],
      }),
      'group',
    )
  ).json()) as { id: string };
  const agreement = (await (
    await ok(
      post('/api/directory/agreements', {
        title: `Länsövergripande överenskommelse om ${LONG_WORD.toLowerCase()} och samsjuklighetsbehandling`,
        parties: ['0509', '0512', '0513', '0560', '0561', '0562', '0563', '0580', '0581', 'region'],
        ends: '2027-12-31',
        documentUrl: 'https://www.regionostergotland.example/overenskommelser/lansovergripande-overenskommelse-samsjuklighet.pdf',
        goals: [{ text: `Fler ${LONG_WORD.toLowerCase()}`, indicators: ['relatives-supported'], target: 1200, direction: 'increase' }],
        groups: [group.id],
      }),
      'agreement',
    )
  ).json()) as { id: string };

  const editor = await kit.bearer({ sub: 'ydre-editor', roles: ['editor'], org: '0512' });
  const trainings: string[] = [];
  const topics = ['mi', 'sip', 'mi', 'sip', 'mi', 'sip'];
  for (const [i, topic] of topics.entries()) {
    // three in December of this year (the year view), the rest early next year
    const [year, month] = i < 3 ? [2026, 12] : [2027, i - 2];
    const date = `${year}-${String(month).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`;
    const res = await ok(
      post(
        '/api/calendar/events',
        {
          title: `${LONG_WORD}: ${LONG_NAME} (del ${i + 1})`,
          description: `Två dagar om ${LONG_WORD.toLowerCase()}.\nDag 1: grunderna.\nDag 2: övningar.`,
          topic,
          organizer: '0512',
          start: `${date}T09:00`,
          end: `${date}T16:00`,
          location: { place: `${LONG_NAME}, konferenslokalen`, address: 'Sjukhusvägen 12, 581 85 Linköping' },
          capacity: 20,
          registrationDeadline: `${date.slice(0, 8)}0${1 + (i % 5)}T23:59`,
        },
        editor,
      ),
      'training',
    );
    trainings.push(((await res.json()) as { id: string }).id);
  }

  const orgs = [...deps.config.municipalities.map((m) => m.code), 'region', 'beroendemottagningen'];
  for (const [i, org] of orgs.entries()) {
    for (const [p, period] of ['2026-Q1', '2026-Q2', '2026-Q3'].entries()) {
      const k = 5 + ((i * 7 + p * 5) % 40);
      const m = 6 + ((i * 11 + p * 3) % 50);
      await ok(
        post(
          `/api/indicators/values/relatives-supported/${period}/${org}`,
          {
            value: k + m,
            breakdown: { gender: { K: k, M: m }, age: { '0-17': 0, '18-25': 5, '26-64': k + m - 10, '65+': 5 } },
          },
          admin,
          'PUT',
        ),
        `report ${org} ${period}`,
      );
    }
  }

  const munis = ['0580', '0581', '0583', '0509', '0512'];
  for (let i = 0; i < 30; i++) {
    const html = await (await root.request('/tyck-till')).text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    clock.advance(700);
    const sent = await ok(
      root.request('/tyck-till', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' },
        body: formBody({
          token,
          malbild: i % 2 ? ['respekt', 'helhet'] : ['respekt'],
          text: FEEDBACK_TEXT,
          municipality: munis[i % munis.length] ?? '0580',
          action: 'send',
        }),
      }),
      'feedback',
      303,
    );
    if (!sent.headers.get('location')?.startsWith('/tyck-till/tack')) throw new Error(`feedback: ${sent.headers.get('location')}`);
  }
  const list = (await (await root.request('/api/feedback/submissions', { headers: { authorization: moderator } })).json()) as {
    items: { id: string }[];
  };
  const first = list.items[0]?.id ?? '';
  await ok(
    root.request(`/api/feedback/submissions/${first}`, {
      method: 'PATCH',
      headers: { authorization: moderator, 'content-type': 'application/json', 'if-match': '"new"' },
      body: JSON.stringify({
        status: 'published',
        quote: FEEDBACK_TEXT,
      }),
    }),
    'quote',
  );

  const serviceId = (service as { id: string }).id;
  const training = trainings[0] ?? '';
  return {
    app: root,
    advance: (seconds) => clock.advance(seconds),
    trainingPath: `/utbildningar/${training}`,
    pages: [
      '/',
      '/hitta-stod',
      '/hitta-stod?q=beroendemottagningens',
      '/hitta-stod?municipality=0580',
      `/hitta-stod/tjanst/${serviceId}`,
      '/hitta-stod/samverkan',
      `/hitta-stod/samverkan/overenskommelse/${agreement.id}`,
      `/hitta-stod/samverkan/overenskommelse/${agreement.id}/rapport`,
      '/utbildningar',
      '/utbildningar/arshjul',
      `/utbildningar/${training}`,
      '/uppfoljning',
      '/uppfoljning/relatives-supported',
      '/tyck-till',
      '/tyck-till/tack',
      '/tyck-till/sammanstallning',
    ],
  };
}
