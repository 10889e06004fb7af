import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  agreementGoalsContract,
  attendanceContract,
  CONTRACTS,
  type Contract,
  decodeContract,
  feedbackCountsContract,
  indicatorReleasesContract,
  contractReader,
  readGrants,
  serviceIndexContract,
  writeContract,
} from '../../functions/core/contracts/index.js';
import { indicatorDefinitions } from '../../functions/core/config/rules.js';
import { createLogger, type Logger } from '../../functions/core/log.js';
import type { Store } from '../../functions/core/store/store.js';
import { createCalendarContext } from '../../functions/calendar/context.js';
import { publishAttendance } from '../../functions/calendar/data/attendance.js';
import { changeCollection } from '../../functions/calendar/data/collection-writes.js';
import type { SummaryIndex } from '../../functions/calendar/data/summary.js';
import { buildAgreementGoals, buildServiceIndex } from '../../functions/directory/data/service-index.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import type { Collection } from '../../functions/directory/model/collection.js';
import { createFeedbackContext } from '../../functions/feedback/context.js';
import { serviceIndex } from '../../functions/feedback/data/service-index.js';
import { rebuildCounts } from '../../functions/feedback/summary/counts.js';
import { readReleases } from '../../functions/feedback/summary/released.js';
import { rebuildSummarySnapshot, SUMMARY_KEY as SNAPSHOT_KEY } from '../../functions/feedback/summary/snapshot.js';
import { agreementGoalsFor } from '../../functions/indicators/model/goals.js';
import { readPeriodInput } from '../../functions/indicators/release/input.js';
import { testKit } from '../support/deps.js';
import { indicatorsKit, release } from '../indicators/helpers.js';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** A logger that keeps its lines, to see what a reader said. */
function recordingLog(): Logger & { lines: { level: string; message: string; key?: string }[] } {
  const lines: { level: string; message: string; key?: string }[] = [];
  return Object.assign(createLogger({ service: 'test', write: (_level, line) => lines.push(JSON.parse(line)) }), { lines });
}

/** The stored JSON of `key` exactly as the writer left it. */
async function stored(store: Store, key: string): Promise<unknown> {
  const found = await store.get(key);
  if (!found || found === 'not-modified') throw new Error(`${key} was not written`);
  return JSON.parse(new TextDecoder().decode(found.body));
}

describe('the cross-service contracts', () => {
  it('lists the five published files, each under its publisher’s public prefix with a fixture that fits', () => {
    expect(CONTRACTS.map((c) => c.key)).toEqual([
      'directory/public/service-index.json',
      'calendar/public/attendance.json',
      'feedback/public/counts.json',
      'indicators/public/releases.json',
      'directory/public/agreement-goals.json',
    ]);
    for (const contract of CONTRACTS) {
      expect(contract.key.startsWith(`${contract.publisher}/public/`)).toBe(true);
      expect(contract.readers).not.toContain(contract.publisher);
      expect(contract.schema.safeParse(contract.fixture).success).toBe(true);
    }
  });

  it('grants each service read access to exactly the files it reads, and nothing to the others', () => {
    expect(readGrants('directory')).toEqual(['indicators/public/releases.json']);
    expect(readGrants('calendar')).toEqual([]);
    expect(readGrants('indicators')).toEqual([
      'calendar/public/attendance.json',
      'feedback/public/counts.json',
      'directory/public/agreement-goals.json',
    ]);
    expect(readGrants('feedback')).toEqual(['directory/public/service-index.json', 'indicators/public/releases.json']);
  });

  it('refuses, as absent and with a warning naming the key, a file missing any field of its first row', () => {
    const arrays: Contract<z.ZodType>[] = [serviceIndexContract, attendanceContract, feedbackCountsContract];
    expect(arrays).toHaveLength(3);
    for (const contract of arrays) {
      const [first, ...rest] = contract.fixture as Record<string, unknown>[];
      const fields = Object.keys(first ?? {});
      expect(fields.length).toBeGreaterThan(2);
      for (const field of fields) {
        const log = recordingLog();
        const { [field]: _dropped, ...without } = first ?? {};
        expect(decodeContract(contract, encode([without, ...rest]), log)).toBeUndefined();
        expect(log.lines).toEqual([expect.objectContaining({ level: 'WARN', key: contract.key })]);
      }
    }
  });

  it('treats a file that is not JSON as absent, with a warning', () => {
    const log = recordingLog();
    expect(decodeContract(indicatorReleasesContract, new TextEncoder().encode('{"releases": ['), log)).toBeUndefined();
    expect(log.lines).toHaveLength(1);
  });
});

describe('each writer into its reader, on the fixture', () => {
  it('directory → feedback: the service index', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const fixture = serviceIndexContract.fixture;
    const collection = { services: fixture.map((s) => ({ ...s, status: 'active' })) } as unknown as Collection;
    await writeContract(kit.deps.store, serviceIndexContract, buildServiceIndex(collection, kit.deps.config));
    const written = await stored(kit.deps.store, serviceIndexContract.key);
    expect(written).toEqual(fixture);
    const log = recordingLog();
    const catalogue = await serviceIndex(kit.deps.store, kit.deps.clock, log)();
    expect(catalogue?.size).toBe(fixture.length);
    for (const row of fixture) expect(catalogue?.byId(row.id)).toEqual(row);
    expect(log.lines).toEqual([]);
  });

  it('directory → indicators: the goals of the agreements in force, from the directory’s own write', async () => {
    const kit = await testKit({ area: 'jamtland', now: '2026-11-23T10:00:00+01:00' });
    const app = createDirectoryApp(kit.deps);
    const admin = await kit.bearer({ roles: ['admin'] });
    const [fixture] = agreementGoalsContract.fixture;
    const goal = fixture?.goals[0];
    // one goal with a target, one with only a direction (judged against a baseline from the day it came into force)
    expect(fixture?.goals.map((g) => g.target)).toEqual([40, undefined]);
    const post = (body: Record<string, unknown>) =>
      app.request('/api/directory/agreements', {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ parties: fixture?.parties, goals: fixture?.goals, ...body }),
      });
    const inForce = await post({
      title: fixture?.title,
      lifecycle: [{ status: 'gallande', date: '2026-01-01' }],
    });
    expect(inForce.status).toBe(201);
    const id = ((await inForce.json()) as { id: string }).id;
    // being drafted, ended by status, ended by date, and one without goals: none is published
    expect((await post({ title: 'Utkast', lifecycle: [{ status: 'under-utarbetande', date: '2026-01-01' }] })).status).toBe(201);
    expect((await post({ title: 'Upphörd', lifecycle: [{ status: 'upphort', date: '2026-01-01' }] })).status).toBe(201);
    expect((await post({ title: 'Utgången', starts: '2025-01-01', ends: '2026-06-30' })).status).toBe(201);
    expect((await post({ title: 'Utan mål', goals: [] })).status).toBe(201);
    const written = await stored(kit.deps.store, agreementGoalsContract.key);
    expect(written).toEqual([{ ...fixture, id }]);
    const log = recordingLog();
    const read = contractReader(agreementGoalsContract, [], { store: kit.deps.store, log, now: () => 0, windowMs: 0 });
    expect(await read()).toEqual([{ ...fixture, id }]);
    expect(agreementGoalsFor(await read(), 'sip-established', '2026-11-23')).toEqual([
      { agreement: { id, title: fixture?.title, parties: fixture?.parties, from: fixture?.from }, goal },
    ]);
    expect(log.lines).toEqual([]);
    expect(buildAgreementGoals({ agreements: [] }, new Date())).toEqual([]);
  });

  it('calendar → indicators: attendance', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const summaries: SummaryIndex = {
      e1: {
        rev: 1,
        confirmed: 4,
        waitlisted: 0,
        byOrg: { '2380': 3, region: 1 },
        topic: 'mi',
        organizer: 'region',
        start: '2026-08-20T09:00:00+02:00',
        cancelled: false,
      },
    };
    const ctx = createCalendarContext(kit.deps);
    await changeCollection(ctx, (collection) => Object.assign(collection.summaries, summaries));
    expect(await publishAttendance(ctx)).toBe(true);
    expect(await stored(kit.deps.store, attendanceContract.key)).toEqual(attendanceContract.fixture);
    const log = recordingLog();
    const defs = indicatorDefinitions(kit.deps.config).filter((d) => d.derived === 'calendar-attendance');
    expect(defs).toHaveLength(1);
    const input = await readPeriodInput(kit.deps.store, defs, '2026-Q3', log);
    expect(input.derived['calendar-attendance']).toEqual(attendanceContract.fixture);
    expect(log.lines).toEqual([]);
  });

  it('feedback → indicators: the counts', async () => {
    const kit = await testKit({ area: 'jamtland' });
    await rebuildCounts(createFeedbackContext(kit.deps), new Map(), [...feedbackCountsContract.fixture]);
    expect(await stored(kit.deps.store, feedbackCountsContract.key)).toEqual(feedbackCountsContract.fixture);
    const log = recordingLog();
    const defs = indicatorDefinitions(kit.deps.config).filter((d) => d.derived === 'feedback');
    expect(defs).toHaveLength(1);
    const input = await readPeriodInput(kit.deps.store, defs, '2026-Q3', log);
    expect(input.derived.feedback).toEqual(feedbackCountsContract.fixture);
    expect(log.lines).toEqual([]);
  });

  it('indicators → feedback: the released figures, from a real release of the feedback counts', async () => {
    const kit = await indicatorsKit();
    const counts = [{ period: '2026-Q3', malbild: 'respekt', municipality: '2580', count: 7 }];
    await writeContract(kit.deps.store, feedbackCountsContract, counts);
    expect((await release(kit)).status).toBe(201);
    const written = await stored(kit.deps.store, indicatorReleasesContract.key);
    const log = recordingLog();
    const { published: read, etag } = await readReleases(kit.deps.store, log);
    expect(etag).not.toBeNull();
    expect(read.releases).toHaveLength(1);
    expect(read).toEqual(written);
    expect(read.periods['2026-Q3']?.tables['feedback-received']?.available).toBe(true);
    expect(log.lines).toEqual([]);
  });

  it('indicators → feedback: the fixture itself reads back unchanged', async () => {
    const kit = await testKit({ area: 'jamtland' });
    await writeContract(kit.deps.store, indicatorReleasesContract, indicatorReleasesContract.fixture);
    expect((await readReleases(kit.deps.store, kit.deps.log)).published).toEqual(indicatorReleasesContract.fixture);
  });

  it('indicators → feedback: the summary snapshot takes the feedback table of the releases through the contract', async () => {
    const kit = await testKit({ area: 'jamtland' });
    await writeContract(kit.deps.store, indicatorReleasesContract, indicatorReleasesContract.fixture);
    const log = recordingLog();
    expect(await rebuildSummarySnapshot(kit.deps.store, kit.deps.clock, log)).toBe('missing');
    const snapshot = (await stored(kit.deps.store, SNAPSHOT_KEY)) as { published: unknown; publishedEtag: string | null };
    expect(snapshot.published).toEqual(indicatorReleasesContract.fixture);
    expect(snapshot.publishedEtag).not.toBeNull();
    expect(log.lines.filter((l) => l.key === indicatorReleasesContract.key)).toEqual([]);
  });

  it('indicators → feedback: releases that do not fit the contract count as none, with a warning, and keep their ETag', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const bad = { releases: [{ period: '2026-Q3', revision: 0 }], periods: { '2026-Q3': { tables: 'none' } } };
    const { etag } = await kit.deps.store.put(indicatorReleasesContract.key, JSON.stringify(bad));
    const log = recordingLog();
    const read = await readReleases(kit.deps.store, log);
    expect(read).toEqual({ published: { releases: [], periods: {} }, etag });
    expect(log.lines).toEqual([expect.objectContaining({ level: 'WARN', key: indicatorReleasesContract.key })]);
    await rebuildSummarySnapshot(kit.deps.store, kit.deps.clock, log);
    const snapshot = (await stored(kit.deps.store, SNAPSHOT_KEY)) as { published: unknown; publishedEtag: string | null };
    expect(snapshot).toMatchObject({ published: { releases: [], periods: {} }, publishedEtag: etag });
    // the same file again: the snapshot is current, not rebuilt
    expect(await rebuildSummarySnapshot(kit.deps.store, kit.deps.clock, log)).toBe('current');
  });

  it('refuses to write a value that does not fit the contract', async () => {
    const kit = await testKit();
    const bad = [{ org: '2380', period: '2026-3', topic: 'mi', count: 1 }];
    await expect(writeContract(kit.deps.store, attendanceContract, bad)).rejects.toThrow();
    expect(await kit.deps.store.get(attendanceContract.key)).toBeUndefined();
  });
});
