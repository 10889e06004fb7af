import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { testKit, type TestKit } from '../support/deps.js';

/** An indicators app for Norrbotten on a fresh store, with a clock in 2026-Q4 and no cache window. */
export async function indicatorsKit(
  options: { area?: string; now?: string } = {},
): Promise<TestKit & { app: ReturnType<typeof createIndicatorsApp> }> {
  const kit = await testKit({ area: options.area ?? 'norrbotten', now: options.now ?? '2026-11-23T10:00:00+01:00' });
  return { ...kit, app: createIndicatorsApp(kit.deps, { cacheWindowMs: 0 }) };
}

/** Headers of a JSON write with a staff token. */
export const jsonHeaders = (authorization: string, extra: Record<string, string> = {}) => ({
  authorization,
  'content-type': 'application/json',
  ...extra,
});

/** A SIP report for 2026-Q3 with K and M and the age bands. */
export function sipReport(k: number, m: number) {
  const total = k + m;
  return { value: total, breakdown: { gender: { K: k, M: m }, age: { '0-17': 0, '18-25': 0, '26-64': total, '65+': 0 } } };
}

/** PUT a report as `authorization`. */
export function putReport(
  kit: { app: ReturnType<typeof createIndicatorsApp> },
  path: string,
  body: unknown,
  authorization: string,
  extra: Record<string, string> = {},
) {
  return kit.app.request(`/api/indicators/values/${path}`, {
    method: 'PUT',
    headers: jsonHeaders(authorization, extra),
    body: JSON.stringify(body),
  });
}

/** Every key stored under the indicators prefix. */
export async function storedKeys(kit: TestKit): Promise<string[]> {
  const page = await kit.deps.store.list('indicators/');
  return page.items.map((i) => i.key);
}

/** The JSON body of a response, loosely typed: tests assert its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions themselves
export const json = async (res: Response): Promise<any> => res.json();

/** Release `period` as an admin (the clock of `indicatorsKit` is past the 2026-Q3 deadline). */
export async function release(kit: TestKit & { app: ReturnType<typeof createIndicatorsApp> }, period = '2026-Q3'): Promise<Response> {
  return kit.app.request('/api/indicators/releases', {
    method: 'POST',
    headers: jsonHeaders(await kit.bearer({ roles: ['admin'] })),
    body: JSON.stringify({ period }),
  });
}
