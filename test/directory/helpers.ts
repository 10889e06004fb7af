import { createDirectoryApp } from '../../functions/directory/app.js';
import type { DirectoryOptions } from '../../functions/directory/context.js';
import { testKit, type TestKitOptions } from '../support/deps.js';

export { CountingStore } from '../support/counting-store.js';

/** A directory app of an area on a fresh temporary store, with a token maker. */
export async function directoryApp(area = 'ostergotland', options: DirectoryOptions & TestKitOptions = {}) {
  const kit = await testKit({ area, ...options });
  let n = 0;
  const deps = { ...kit.deps, ids: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
  return { app: createDirectoryApp(deps, options), kit, deps };
}

/** A valid service body for Östergötland's Kinda (0513). */
export function kindaService(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Öppenvården Kinda',
    description: 'Samtalsstöd för vuxna och anhöriga vid alkohol- och spelproblem.',
    organizationId: '0513',
    principal: 'municipality',
    careLevels: ['social-services-ifo'],
    targetGroups: ['adults', 'relatives'],
    substances: ['alcohol', 'gambling'],
    municipalities: ['0513'],
    referralRequired: false,
    phones: [{ number: '0494-190 00' }],
    schedules: [{ kind: 'visiting', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:30' }],
    ...overrides,
  };
}

/** JSON request init with an optional bearer and headers. */
export function jsonInit(method: string, body: unknown, auth?: string, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
  };
}

/** A JSON body of a test response; assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions that read them
export type J = any;

/** Parse a response body as JSON. */
export function json(res: Response): Promise<J> {
  return res.json() as Promise<J>;
}
