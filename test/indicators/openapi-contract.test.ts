import { contractSuite, type ContractCalls } from '../support/openapi-contract.js';
import { indicatorsKit, putReport, release, sipReport } from './helpers.js';

const REPORT = '/api/indicators/values/sip-established/2026-Q3/2580';

/** One call per documented operation, in order: reads of released figures, then the staff writes. */
const calls: ContractCalls = {
  health: { path: '/api/indicators/health', status: 200 },
  openApi: { path: '/api/indicators/openapi.json', status: 200 },
  listDefinitions: { path: '/api/indicators/definitions', status: 200 },
  exportDefinitionsCsv: { path: '/api/indicators/definitions.csv?locale=en', status: 200 },
  listValues: { path: '/api/indicators/values?indicator=sip-established&limit=5', status: 200 },
  getAreaTotals: { path: '/api/indicators/area?indicator=sip-established', status: 200 },
  compareOrganisations: { path: '/api/indicators/compare?indicator=sip-established&period=2026-Q3', status: 200 },
  getSeries: { path: '/api/indicators/series?indicator=sip-established&org=2580', status: 200 },
  exportCsv: { path: '/api/indicators/export.csv?indicator=sip-established', status: 200 },
  exportJson: { path: '/api/indicators/export.json?indicator=sip-established&period=2026-Q3', status: 200 },
  listReleases: { path: '/api/indicators/releases', status: 200 },
  getReport: { path: REPORT, status: 200, org: '2580', roles: ['editor'] },
  putReport: async (c) => ({
    path: REPORT,
    status: 200,
    org: '2580',
    roles: ['editor'],
    headers: { 'if-match': await c.etag(REPORT) },
    body: { ...sipReport(12, 30), reason: 'Rättad summa' },
  }),
  getCompleteness: { path: '/api/indicators/completeness', status: 200 },
  comparePeriodRelease: { path: '/api/indicators/releases/2026-Q3', status: 200, roles: ['admin'] },
  makeRelease: { path: '/api/indicators/releases', status: 201, body: { period: '2026-Q3' } },
  importCsv: async (c) => {
    const admin = await c.kit.bearer({ roles: ['admin'] });
    const csv = await (
      await c.app.request('/api/indicators/export.csv?indicator=sip-established&period=2026-Q3&org=2580', {
        headers: { authorization: admin },
      })
    ).text();
    return { path: '/api/indicators/import.csv', status: 200, roles: ['admin'], body: csv, contentType: 'text/csv' };
  },
};

contractSuite(
  '/api/indicators',
  async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(20, 30), admin);
    await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(11, 12), admin);
    await release(kit);
    return { kit, app: kit.app };
  },
  calls,
);
