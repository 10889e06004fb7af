import { contractSuite, type CallContext, type ContractCalls } from '../support/openapi-contract.js';
import { feedbackHarness, releaseQuarter, VALID } from './helpers.js';

/** The id of the one submission the setup sends. */
async function submissionId(c: CallContext): Promise<string> {
  const res = await c.app.request('/api/feedback/submissions', {
    headers: { authorization: await c.kit.bearer({ roles: ['moderator'] }) },
  });
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
}

/** One call per documented operation, in order. */
const calls: ContractCalls = {
  health: { path: '/api/feedback/health', status: 200 },
  openApi: { path: '/api/feedback/openapi.json', status: 200 },
  getSummary: { path: '/api/feedback/summary', status: 200 },
  getSummaryCsv: { path: '/api/feedback/summary.csv?period=2026-Q4', status: 200 },
  listSubmissions: { path: '/api/feedback/submissions?limit=10&period=2026-Q4', status: 200 },
  getSubmission: async (c) => ({ path: `/api/feedback/submissions/${await submissionId(c)}`, status: 200 }),
  moderateSubmission: async (c) => ({
    path: `/api/feedback/submissions/${await submissionId(c)}`,
    status: 200,
    roles: ['admin'],
    headers: { 'if-match': '"new"' },
    body: { status: 'published', tags: ['bemotande'], quote: 'Personalen lyssnade på mig.' },
  }),
  listAudit: { path: '/api/feedback/audit', status: 200 },
  deleteContact: async (c) => ({ path: `/api/feedback/submissions/${await submissionId(c)}/contact`, status: 204 }),
};

contractSuite(
  '/api/feedback',
  async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, contact: 'anna@example.se', consent: 'yes' });
    await releaseQuarter(h);
    return { kit: h.kit, app: h.app };
  },
  calls,
);
