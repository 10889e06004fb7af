import { contractSuite, type ContractCalls } from '../support/openapi-contract.js';
import { calendarKit, trainingInput } from './helpers.js';

const ids = { training: '', cancelled: '' };
const ydre = { org: '0512', roles: ['editor'] } as const;
const PROGRAMME = [
  'titel;beskrivning;ämne;arrangör;start;slut;plats;adress;länk;språk;platser;sista anmälningsdag;målgrupp;roller',
  'MI fördjupning;Dag 1 och 2;mi;0512;2026-04-14 09:00;2026-04-14 16:00;Kommunhuset;;;sv;25;2026-04-01 12:00;0512,0513;social-worker',
].join('\r\n');

/** One call per documented operation, in order. */
const calls: ContractCalls = {
  health: { path: '/api/calendar/health', status: 200 },
  openApi: { path: '/api/calendar/openapi.json', status: 200 },
  listEvents: { path: '/api/calendar/events?topic=mi&limit=1', status: 200 },
  getEvent: () => ({ path: `/api/calendar/events/${ids.training}`, status: 200 }),
  createEvent: { path: '/api/calendar/events', status: 201, ...ydre, body: trainingInput({ repeat: { every: 'week', count: 2 } }) },
  updateEvent: async (c) => ({
    path: `/api/calendar/events/${ids.training}`,
    status: 200,
    ...ydre,
    headers: { 'if-match': await c.etag(`/api/calendar/events/${ids.training}`) },
    body: trainingInput({ title: 'MI grundkurs, dag 1', reason: 'Ny titel' }),
  }),
  cancelEvent: async (c) => ({
    path: `/api/calendar/events/${ids.cancelled}/cancel`,
    status: 200,
    ...ydre,
    headers: { 'if-match': await c.etag(`/api/calendar/events/${ids.cancelled}`) },
    body: { reason: 'För få anmälda' },
  }),
  register: () => ({
    path: `/api/calendar/events/${ids.training}/registrations`,
    status: 201,
    body: { name: 'Anna Andersson', email: 'anna@ydre.se', org: '0512' },
  }),
  listRegistrations: () => ({ path: `/api/calendar/events/${ids.training}/registrations`, status: 200, ...ydre }),
  cancelRegistration: async (c) => {
    const res = await c.app.request(`/api/calendar/events/${ids.training}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bo Berg', email: 'bo@ydre.se', org: '0512' }),
    });
    const { cancelToken } = (await res.json()) as { cancelToken: string };
    return { path: `/api/calendar/events/${ids.training}/registrations/${cancelToken}`, status: 200 };
  },
  getAttendance: { path: '/api/calendar/attendance', status: 200, roles: ['admin'] },
  getYear: { path: '/api/calendar/year?year=2026', status: 200 },
  importProgramme: { path: '/api/calendar/import', status: 201, ...ydre, body: PROGRAMME, contentType: 'text/csv; charset=utf-8' },
  purgeRegistrations: { path: '/api/calendar/purge', status: 200 },
};

contractSuite(
  '/api/calendar',
  async () => {
    const k = await calendarKit();
    ids.training = (await k.create()).id;
    ids.cancelled = (await k.create({ title: 'SIP i praktiken', topic: 'sip' })).id;
    return { kit: k.kit, app: k.app };
  },
  calls,
);
