import type * as z from 'zod';
import { oa, openApiDocument, queryOf, schemaOf, type OpenApiPaths } from '../../core/http/openapi.js';
import { basePaths } from '../../core/http/response-schemas.js';
import type { DirectoryContext } from '../context.js';
import { knownOrgs } from '../data/orgs.js';
import { agreementInputSchema, groupInputSchema } from '../model/group.js';
import { itemUpdateSchema, planInputSchema } from '../model/plan.js';
import * as R from '../model/responses.js';
import { serviceInputSchema } from '../model/service.js';
import { serviceQuerySchema } from '../search/query.js';
import { agreementQuerySchema } from './agreements.js';
import { gapQuery } from './coordinator.js';
import { groupQuerySchema } from './groups.js';
import { HSDS_PAGE_SCHEMA, HSDS_PATHS } from './openapi-hsds.js';

const { problem, ref, json, text, notModified, idParam, ifMatch, staff, body } = oa;

const editors = staff('admin', 'editor');
/** Reads open to all; a token of the entry's own editors shows what they may edit (private, uncached). */
const publicOrEditor = [{}, { staffToken: ['admin', 'editor'] }];
const cached = { '304': notModified, '400': problem };
const writes = oa.problems(400, 401, 403, 404, 409, 412, 413, 415, 428);
const QUERY: Record<string, string> = {
  q: 'Free text.',
  municipality: 'SCB municipality code(s) of this area (repeat or comma-separate); services serving the whole area are included.',
  targetGroup: 'Target group id(s).',
  substance: 'Substance id(s), gambling included.',
  principal: 'Principal id(s).',
  careLevel: 'Care level id(s).',
  noReferral: 'Only services that need no referral.',
  openNow: 'Only services open now (visiting or drop-in hours, Europe/Stockholm, closed on public holidays).',
  language: 'ISO 639 code(s) of a language offered.',
  age: 'Age in years that the service accepts.',
  includeRetired: 'Include retired entries.',
  limit: 'Page size 1–100.',
  expiringWithinDays: 'Only agreements ending within this many days (not yet ended).',
  expired: 'true: only ended agreements; false: only those in force.',
  party: 'Only agreements with this party.',
};

/**
 * What a replacement (PUT) of a kind of entry keeps and who may change what: the parts a body leaves
 * out are kept as stored, `[]` empties one, and an editor changes only its own organisation's share.
 */
const REPLACE_TEXT: Readonly<Record<string, string>> = {
  Group:
    "Replaces the group with the body. The parts `members`, `memberRoles`, `contacts` and `meetings` are kept as stored when the body leaves them out; send `[]` to empty one. Every other field left out takes its default (or is removed when optional). An editor (not admin) changes only its own organisation's membership and member roles: adding, removing or changing another organisation's is refused with 403 and nothing is stored.",
  Agreement:
    "Replaces the agreement with the body. The parts `parties`, `partyRoles`, `lifecycle`, `goals` and `groups` are kept as stored when the body leaves them out; send `[]` to empty one (`lifecycle` only grows: removing or rewriting a stored status change is refused with 400). Every other field left out takes its default (or is removed when optional). An editor (not admin) changes only its own organisation's party and party roles: adding, removing or changing another organisation's is refused with 403 and nothing is stored.",
  Plan: "Replaces the action plan with the body. `items` is kept as stored when the body leaves it out; send `[]` to empty it. Every other field left out takes its default (or is removed when optional). An editor (not admin) changes only the items its own organisation is responsible for: adding, removing or changing another organisation's item is refused with 403 and nothing is stored.",
};

/** Read one, replace, retire and the history of one kind of entry (`entryRoutes`). */
function entryPaths(path: string, names: { view: string; stored: string; input: string }, label: string, id: string): OpenApiPaths {
  return {
    [`${path}/{id}`]: {
      get: {
        operationId: `get${id}`,
        summary: `Read one ${label}`,
        security: publicOrEditor,
        parameters: [idParam],
        responses: { '200': json(ref(names.view)), '404': problem, ...cached },
      },
      put: {
        operationId: `replace${id}`,
        summary: `Replace a ${label} (admin, or editor of its organisation; If-Match required)`,
        ...(REPLACE_TEXT[id] ? { description: REPLACE_TEXT[id] } : {}),
        security: editors,
        parameters: [idParam, ifMatch],
        requestBody: body(ref(names.input)),
        responses: { '200': json(ref(names.stored)), ...writes },
      },
      delete: {
        operationId: `retire${id}`,
        summary: `Retire a ${label} (admin, or editor of its organisation; If-Match required)`,
        security: editors,
        parameters: [idParam, ifMatch],
        responses: { '200': json(ref(names.stored)), ...writes },
      },
    },
    [`${path}/{id}/history`]: {
      get: {
        operationId: `get${id}History`,
        summary: `Every change of a ${label}, with who and when (staff)`,
        security: editors,
        parameters: [idParam],
        responses: { '200': json(R.historyResponse), '401': problem, '403': problem, '404': problem },
      },
    },
  };
}

const create = (operationId: string, summary: string, input: string, stored: string) => ({
  operationId,
  summary,
  security: editors,
  requestBody: body(ref(input)),
  responses: { '201': json(ref(stored), 'Created'), ...writes },
});
const coordinator = (operationId: string, summary: string, schema: z.core.$ZodType, parameters: unknown[] = []) => ({
  get: {
    operationId,
    summary,
    security: editors,
    parameters,
    responses: { '200': json(schema), '400': problem, '401': problem, '403': problem },
  },
});

/** Every route of the directory API. */
function paths(ctx: DirectoryContext): OpenApiPaths {
  const { config } = ctx.deps;
  return {
    ...basePaths('/api/directory'),
    '/api/directory/services': {
      get: {
        operationId: 'searchServices',
        summary: 'Search and list services',
        description:
          'Free text ranks name above vocabulary labels and places above description; spellings without å/ä/ö match but rank below exact ones; words from four letters match as prefixes, longer words allow about one typo in five letters; synonyms come from the area config. Filters are applied before ranking; repeated values of one filter mean OR. `matchedFields` tells why a service matched. When no service has every word, services matching some words are returned and `matchedAllWords` is false.',
        parameters: queryOf(serviceQuerySchema(config), QUERY),
        responses: { '200': json(R.servicesResponse), ...cached },
      },
      post: create('createService', 'Create a service (admin, or editor of its organisation)', 'ServiceInput', 'Service'),
    },
    ...entryPaths('/api/directory/services', { view: 'ServiceView', stored: 'Service', input: 'ServiceInput' }, 'service', 'Service'),
    '/api/directory/services.csv': {
      get: {
        operationId: 'exportServicesCsv',
        summary: "Export services as CSV for Excel (UTF-8 with BOM, semicolons, CRLF; formulas and codes as text with a leading ')",
        responses: { '200': text('text/csv', 'CSV'), '304': notModified },
      },
      post: {
        operationId: 'importServicesCsv',
        summary:
          'Import services from CSV (admin, or editor of the rows’ organisations); all rows or nothing, with row and column of every error; unchanged rows store nothing',
        security: editors,
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { '200': json(R.importResponse), ...writes },
      },
    },
    '/api/directory/organizations': {
      get: {
        operationId: 'listOrganizations',
        summary: 'The area’s organisations',
        responses: { '200': json(R.organizationsResponse), '304': notModified },
      },
    },
    '/api/directory/organizations/{id}': {
      get: {
        operationId: 'getOrganization',
        summary: 'One organisation with its services, groups and agreements',
        parameters: [idParam],
        responses: { '200': json(R.organizationResponse), '404': problem, '304': notModified },
      },
    },
    '/api/directory/groups': {
      get: {
        operationId: 'listGroups',
        summary: 'Collaboration groups (named contacts left out)',
        parameters: queryOf(groupQuerySchema(config), QUERY),
        responses: { '200': json(R.groupsResponse), ...cached },
      },
      post: create('createGroup', 'Create a group (admin, or editor of a member)', 'GroupInput', 'Group'),
    },
    ...entryPaths('/api/directory/groups', { view: 'GroupView', stored: 'Group', input: 'GroupInput' }, 'collaboration group', 'Group'),
    '/api/directory/groups/{id}/meetings.ics': {
      get: {
        operationId: 'getGroupMeetingsIcs',
        summary: "A group's meetings as an iCalendar feed (one UID per meeting; no named contacts)",
        parameters: [idParam],
        responses: { '200': text('text/calendar'), '404': problem, ...cached },
      },
    },
    '/api/directory/plans': {
      get: {
        operationId: 'listPlans',
        summary: 'Action plans with progress and overdue items',
        responses: { '200': json(R.plansResponse), '304': notModified },
      },
      post: create('createPlan', 'Create an action plan (admin, or editor of the owner)', 'PlanInput', 'Plan'),
    },
    ...entryPaths('/api/directory/plans', { view: 'PlanView', stored: 'Plan', input: 'PlanInput' }, 'action plan', 'Plan'),
    '/api/directory/plans/{id}/items/{itemId}': {
      put: {
        operationId: 'updatePlanItem',
        summary: "Update an item's status and add a dated note (admin, or editor of the responsible organisation; If-Match of the plan)",
        security: editors,
        parameters: [idParam, oa.pathParam('itemId'), ifMatch],
        requestBody: body(itemUpdateSchema()),
        responses: { '200': json(ref('Plan')), ...writes },
      },
    },
    '/api/directory/plans/{id}/items.csv': {
      get: {
        operationId: 'exportPlanItemsCsv',
        summary: "A plan's items as Swedish Excel CSV",
        parameters: [idParam],
        responses: { '200': text('text/csv'), '404': problem, ...cached },
      },
      post: {
        operationId: 'importPlanItemsCsv',
        summary: "Replace a plan's items from CSV: all rows or none, errors by row and column (admin, or editor of the owner; If-Match)",
        security: editors,
        parameters: [idParam, ifMatch],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { '200': json(ref('Plan')), ...writes },
      },
    },
    '/api/directory/agreements': {
      get: {
        operationId: 'listAgreements',
        summary: 'Agreements',
        parameters: queryOf(agreementQuerySchema(new Set(knownOrgs(config))), QUERY),
        responses: { '200': json(R.agreementsResponse), ...cached },
      },
      post: create('createAgreement', 'Create an agreement (admin, or editor of a party)', 'AgreementInput', 'Agreement'),
    },
    ...entryPaths(
      '/api/directory/agreements',
      { view: 'AgreementView', stored: 'Agreement', input: 'AgreementInput' },
      'agreement',
      'Agreement',
    ),
    '/api/directory/coordinator/unverified': coordinator(
      'listUnverified',
      'Entries not verified in the last 180 days (staff)',
      R.coordinatorResponses.unverified,
    ),
    '/api/directory/coordinator/agreements-ending': coordinator(
      'listAgreementsEnding',
      'Agreements ending or due for review within 90 days, with the reasons (staff)',
      R.coordinatorResponses.agreementsEnding,
    ),
    '/api/directory/coordinator/agreements-without-goals': coordinator(
      'listAgreementsWithoutGoals',
      'Agreements not ended that have no goals (staff)',
      R.coordinatorResponses.agreementsWithoutGoals,
    ),
    '/api/directory/coordinator/overdue-items': coordinator(
      'listOverdueItems',
      'Overdue action-plan items across the area (staff)',
      R.coordinatorResponses.overdueItems,
    ),
    '/api/directory/coordinator/gaps': coordinator(
      'listCoverageGaps',
      'Municipalities with no active service for a target group (staff)',
      R.coordinatorResponses.gaps,
      queryOf(gapQuery(), { targetGroup: 'Only this target group.' }),
    ),
    ...HSDS_PATHS,
  };
}

/** The OpenAPI 3.1 document of the directory API, built on the first request of `/api/directory/openapi.json`. */
export function directoryDocument(ctx: DirectoryContext): Record<string, unknown> {
  const schema = (s: z.core.$ZodType) => schemaOf(s);
  return openApiDocument(ctx.deps.config, {
    title: 'Hitta stöd (Find support)',
    description:
      'The directory: services, organisations, collaboration groups, agreements and action plans of the area; CSV import and export; the HSDS 3 API.',
    paths: paths(ctx),
    schemas: {
      ServiceInput: schema(serviceInputSchema()),
      Service: schema(R.serviceResponse),
      ServiceView: schema(R.serviceViewResponse),
      GroupInput: schema(groupInputSchema()),
      Group: schema(R.groupResponse),
      GroupView: schema(R.groupViewResponse),
      AgreementInput: schema(agreementInputSchema()),
      Agreement: schema(R.agreementResponse),
      AgreementView: schema(R.agreementViewResponse),
      PlanInput: schema(planInputSchema()),
      Plan: schema(R.planResponse),
      PlanView: schema(R.planViewResponse),
      HsdsPage: HSDS_PAGE_SCHEMA,
    },
  });
}
