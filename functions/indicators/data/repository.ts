import { assertIfMatch, parseIfMatch, requireIfMatch } from '../../core/http/preconditions.js';
import { preconditionFailed } from '../../core/http/problem.js';
import { getJson, putJson } from '../../core/store/json.js';
import { PreconditionFailedError, type Store } from '../../core/store/store.js';
import { reportKey, type ReportVersion, type StoredReport } from '../model/report.js';
import { inParallel } from './parallel.js';

/** Which report: indicator, organisation and period. */
export interface ReportId {
  readonly indicator: string;
  readonly organization: string;
  readonly period: string;
}

/** A stored report with the ETag of its version. */
export interface VersionedReport {
  readonly report: StoredReport;
  readonly etag: string;
}

/** Read one organisation's report; `undefined` when not reported. */
export async function readReport(store: Store, id: ReportId): Promise<VersionedReport | undefined> {
  const found = await getJson<StoredReport>(store, reportKey(id.indicator, id.period, id.organization));
  return found && { report: found.value, etag: found.etag };
}

/** The next state of a report object: the new version current, the old one kept in the history. */
export function withVersion(id: ReportId, previous: StoredReport | undefined, version: ReportVersion): StoredReport {
  return {
    indicator: id.indicator,
    organization: id.organization,
    period: id.period,
    current: version,
    history: previous ? [...previous.history, previous.current] : [],
  };
}

/**
 * Write a report through HTTP preconditions: a first report is create-only; a correction needs
 * the `If-Match` ETag of the version it corrects (428 without it, 412 when someone else changed it).
 */
export async function writeReport(
  store: Store,
  id: ReportId,
  version: ReportVersion,
  ifMatch: string | undefined,
): Promise<VersionedReport & { created: boolean }> {
  const key = reportKey(id.indicator, id.period, id.organization);
  const current = await readReport(store, id);
  if (current) assertIfMatch(requireIfMatch(ifMatch), current.etag);
  // a first report may carry `If-Match: *` (kept from before); any listed tag cannot match nothing
  else if (ifMatch?.trim() && !parseIfMatch(ifMatch).any) throw preconditionFailed();
  const next = withVersion(id, current?.report, version);
  try {
    const { etag } = await putJson(store, key, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
    return { report: next, etag, created: !current };
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const now = await readReport(store, id);
    throw preconditionFailed(now?.etag);
  }
}

/** Put a report object back as it was before a write of ours (`etag`); a later writer's version stands. */
export async function restoreReport(store: Store, id: ReportId, before: StoredReport | undefined, etag: string): Promise<void> {
  const key = reportKey(id.indicator, id.period, id.organization);
  try {
    if (before) await putJson(store, key, before, { ifMatch: etag });
    else await store.delete(key);
  } catch {
    // a later writer changed it since: their version stands
  }
}

/** How many report objects a bulk upload writes at once. */
export const WRITE_CONCURRENCY = 8;

/**
 * Write many reports as one unit (bulk upload): each object by read-modify-write with its ETag,
 * at most `WRITE_CONCURRENCY` at a time. If any write fails, no new write starts, and those already
 * written are put back as they were once the ones in flight have ended, so nothing partial stays.
 */
export async function writeReports(store: Store, items: readonly { id: ReportId; version: ReportVersion }[]): Promise<void> {
  const done: { id: ReportId; before?: StoredReport; etag: string }[] = [];
  let failure: { error: unknown } | undefined;
  await inParallel(items, WRITE_CONCURRENCY, async ({ id, version }) => {
    if (failure) return;
    try {
      const key = reportKey(id.indicator, id.period, id.organization);
      const current = await readReport(store, id);
      const { etag } = await putJson(
        store,
        key,
        withVersion(id, current?.report, version),
        current ? { ifMatch: current.etag } : { ifNoneMatch: '*' },
      );
      done.push({ id, before: current?.report, etag });
    } catch (error) {
      failure ??= { error };
    }
  });
  if (!failure) return;
  for (const { id, before, etag } of done.reverse()) await restoreReport(store, id, before, etag);
  throw failure.error;
}
