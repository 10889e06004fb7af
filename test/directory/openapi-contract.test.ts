import { contractSuite, type CallContext, type ContractCall, type ContractCalls } from '../support/openapi-contract.js';
import { directoryApp, kindaService } from './helpers.js';
import { seedSamverkan } from './samverkan-fixture.js';

const api = '/api/directory';
/** A public place and a confidential one (which no public answer may show). */
const PLACES = [
  { name: 'Kommunhuset', street: 'Storgatan 1', postalCode: '590 40', city: 'Kisa', latitude: 57.99, longitude: 15.63 },
  { confidential: true, street: 'Hemlig väg 2', postalCode: '590 40', city: 'Kisa' },
];
const ids = { service: '', group: '', plan: '', agreement: '' };
const agreement = (title = 'Överenskommelse om samverkan kring SIP') => ({
  title,
  parties: ['0513', 'region'],
  starts: '2026-01-01',
  ends: '2027-12-31',
  goals: [{ text: 'Fler SIP', indicators: ['sip-established'], target: 40, direction: 'increase' }],
});
const group = (name = 'Ledningsgrupp Kinda') => ({ name, members: ['0513', 'region'] });
const plan = (title = 'Handlingsplan SIP') => ({
  title,
  owner: 'region',
  agreementId: ids.agreement,
  items: [{ id: 'a', what: 'Gemensam rutin för SIP', responsible: '0513', deadline: '2026-06-30', status: 'pagar' }],
});

/** Create an entry as an admin; its id. */
async function created(c: CallContext, kind: string, body: unknown): Promise<string> {
  const res = await c.app.request(`${api}/${kind}`, {
    method: 'POST',
    headers: { authorization: await c.kit.bearer({ roles: ['admin'] }), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${kind}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** The first `contents[].id` of an HSDS list. */
async function firstHsds(c: CallContext, list: string): Promise<string> {
  const res = await c.app.request(`${api}/hsds/${list}?per_page=1`);
  return ((await res.json()) as { contents: { id: string }[] }).contents[0]!.id;
}

/** The text of a GET as an admin. */
async function adminText(c: CallContext, path: string): Promise<string> {
  return (await c.app.request(path, { headers: { authorization: await c.kit.bearer({ roles: ['admin'] }) } })).text();
}

/** Read, replace, retire (a fresh entry) and history of one kind. */
function entryCalls(kind: 'services' | 'groups' | 'plans' | 'agreements', name: string, body: () => unknown): ContractCalls {
  const id = () => ids[kind.slice(0, -1) as keyof typeof ids];
  const write = async (c: CallContext, entry: string, method: 'PUT' | 'DELETE'): Promise<ContractCall> => ({
    path: `${api}/${kind}/${entry}`,
    status: 200,
    headers: { 'if-match': await c.etag(`${api}/${kind}/${entry}`) },
    ...(method === 'PUT' ? { body: body() } : {}),
  });
  return {
    [`get${name}`]: () => ({ path: `${api}/${kind}/${id()}`, status: 200 }),
    [`replace${name}`]: (c) => write(c, id(), 'PUT'),
    [`retire${name}`]: async (c) => write(c, await created(c, kind, body()), 'DELETE'),
    [`get${name}History`]: () => ({ path: `${api}/${kind}/${id()}/history`, status: 200 }),
  };
}

/** One call per documented operation, in order. */
const calls: ContractCalls = {
  health: { path: `${api}/health`, status: 200 },
  openApi: { path: `${api}/openapi.json`, status: 200 },
  searchServices: { path: `${api}/services?q=kinda&municipality=0513&limit=5`, status: 200 },
  createService: { path: `${api}/services`, status: 201, body: kindaService({ name: 'Mottagning Kinda' }) },
  ...entryCalls('services', 'Service', () => kindaService({ locations: PLACES, verified: true })),
  exportServicesCsv: { path: `${api}/services.csv`, status: 200 },
  importServicesCsv: async (c) => ({
    path: `${api}/services.csv`,
    status: 200,
    body: await adminText(c, `${api}/services.csv`),
    contentType: 'text/csv; charset=utf-8',
  }),
  listOrganizations: { path: `${api}/organizations`, status: 200 },
  getOrganization: { path: `${api}/organizations/0513`, status: 200 },
  listGroups: { path: `${api}/groups?municipality=0513`, status: 200 },
  createGroup: { path: `${api}/groups`, status: 201, body: group('Samverkansgrupp Ydre') },
  ...entryCalls('groups', 'Group', () => group()),
  getGroupMeetingsIcs: () => ({ path: `${api}/groups/${ids.group}/meetings.ics`, status: 200 }),
  listAgreements: { path: `${api}/agreements?party=0513&expired=false`, status: 200 },
  createAgreement: { path: `${api}/agreements`, status: 201, body: agreement('Överenskommelse om LVM') },
  ...entryCalls('agreements', 'Agreement', () => agreement()),
  listPlans: { path: `${api}/plans`, status: 200 },
  createPlan: () => ({ path: `${api}/plans`, status: 201, body: plan('Handlingsplan LVM') }),
  ...entryCalls('plans', 'Plan', () => plan()),
  updatePlanItem: async (c) => ({
    path: `${api}/plans/${ids.plan}/items/a`,
    status: 200,
    headers: { 'if-match': await c.etag(`${api}/plans/${ids.plan}`) },
    body: { status: 'klar', note: { date: '2026-11-20', text: 'Rutinen är antagen' } },
  }),
  exportPlanItemsCsv: () => ({ path: `${api}/plans/${ids.plan}/items.csv`, status: 200 }),
  importPlanItemsCsv: async (c) => ({
    path: `${api}/plans/${ids.plan}/items.csv`,
    status: 200,
    headers: { 'if-match': await c.etag(`${api}/plans/${ids.plan}`) },
    body: await adminText(c, `${api}/plans/${ids.plan}/items.csv`),
    contentType: 'text/csv; charset=utf-8',
  }),
  listUnverified: { path: `${api}/coordinator/unverified`, status: 200 },
  listAgreementsEnding: { path: `${api}/coordinator/agreements-ending`, status: 200 },
  listAgreementsWithoutGoals: { path: `${api}/coordinator/agreements-without-goals`, status: 200 },
  listOverdueItems: { path: `${api}/coordinator/overdue-items`, status: 200 },
  listCoverageGaps: { path: `${api}/coordinator/gaps?targetGroup=adults`, status: 200 },
  hsdsRoot: { path: `${api}/hsds/`, status: 200 },
  hsdsRootNoSlash: { path: `${api}/hsds`, status: 200 },
  hsdsListServices: { path: `${api}/hsds/services?per_page=2`, status: 200 },
  hsdsGetService: async (c) => ({ path: `${api}/hsds/services/${await firstHsds(c, 'services')}`, status: 200 }),
  hsdsListOrganizations: { path: `${api}/hsds/organizations?per_page=2`, status: 200 },
  hsdsGetOrganization: async (c) => ({ path: `${api}/hsds/organizations/${await firstHsds(c, 'organizations')}`, status: 200 }),
  hsdsListTaxonomies: { path: `${api}/hsds/taxonomies`, status: 200 },
  hsdsGetTaxonomy: async (c) => ({ path: `${api}/hsds/taxonomies/${await firstHsds(c, 'taxonomies')}`, status: 200 }),
  hsdsListTaxonomyTerms: { path: `${api}/hsds/taxonomy_terms?per_page=3`, status: 200 },
  hsdsGetTaxonomyTerm: async (c) => ({ path: `${api}/hsds/taxonomy_terms/${await firstHsds(c, 'taxonomy_terms')}`, status: 200 }),
  hsdsListServiceAtLocations: { path: `${api}/hsds/service_at_locations?per_page=2`, status: 200 },
  hsdsGetServiceAtLocation: async (c) => ({
    path: `${api}/hsds/service_at_locations/${await firstHsds(c, 'service_at_locations')}`,
    status: 200,
  }),
};

contractSuite(
  api,
  async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const c = { app, kit } as CallContext;
    ids.service = await created(c, 'services', kindaService({ locations: PLACES }));
    ids.agreement = await created(c, 'agreements', agreement());
    const seeded = await seedSamverkan(app, admin);
    ids.group = seeded.groupId;
    ids.plan = seeded.planId;
    return { app, kit };
  },
  calls,
);
