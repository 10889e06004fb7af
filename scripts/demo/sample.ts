import { SCHEDULED_TASKS } from '../../functions/local-schedule.js';
import { join } from 'node:path';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { trainingTopics } from '../../functions/calendar/model/vocabulary.js';
import { loadOrCreateLocalIssuer } from '../../functions/core/auth/local-issuer.js';
import type { CountyConfig } from '../../functions/core/config/schema.js';
import type { AppDeps, Clock } from '../../functions/core/deps.js';
import { MALBILDER } from '../../functions/core/domain/vocabulary.js';
import { toStockholmIso } from '../../functions/core/i18n.js';
import { silentLogger } from '../../functions/core/log.js';
import { getJson } from '../../functions/core/store/json.js';
import { FsStore } from '../../functions/core/store/fs-store.js';
import type { Store } from '../../functions/core/store/store.js';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import { SUBMISSIONS_PREFIX } from '../../functions/feedback/data/keys.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { createIndicatorsContext } from '../../functions/indicators/context.js';
import { releaseDate } from '../../functions/indicators/release/deadline.js';
import type { Frequency } from '../../functions/indicators/model/period.js';
import { REPORTS_PREFIX, type StoredReport } from '../../functions/indicators/model/report.js';
import { reportingOrganisations } from '../../functions/indicators/query/raw.js';
import { localIssuerName } from '../../functions/local-paths.js';
import { keysUnder } from '../archive.js';
import { ScriptError } from '../script-error.js';

/** What every sample training title and feedback text starts with, so the public pages say so. */
export const SAMPLE_PREFIX = 'Exempel:';
/** The line every sample training's description starts with. */
export const SAMPLE_DESCRIPTION =
  'Exempeldata för att prova tjänsten – inte en riktig utbildning. / Sample data for trying the service – not a real training.';
/** The note of every sample indicator report (staff see it beside the figures); each is also flagged `sample`, which marks its releases on the public pages. */
export const SAMPLE_NOTE = 'Exempeldata / sample data (npm run demo)';

/** Thrown with a bilingual message when the demo must not go on. */
export class DemoError extends ScriptError {}

/** What the demo wrote. */
export interface DemoSummary {
  readonly trainings: number;
  readonly registrations: number;
  readonly waitlisted: number;
  readonly reports: number;
  readonly releases: readonly string[];
  readonly feedback: number;
  readonly published: number;
}

/** Options of `runDemo`. */
export interface DemoOptions {
  readonly area: string;
  readonly config: CountyConfig;
  /** The area's local data folder (`.data/<area>`); the store is its `store` folder. */
  readonly dataDir: string;
  /** Write even when the store holds data that is not sample data. */
  readonly force?: boolean;
  /** "Now" (tests); the system clock otherwise. */
  readonly now?: () => Date;
}

const DAY = 86_400_000;

/**
 * Whether the store holds anything the demo did not write: a training whose title lacks the
 * sample prefix, an indicator report without the sample note, a feedback text without the prefix,
 * or any directory edit (the directory's seeded collection alone is no user data). Returns a few of the keys that are not sample data.
 */
export async function nonSampleKeys(store: Store): Promise<string[]> {
  const found: string[] = [];
  const check = async <T>(prefix: string, isSample: (value: T) => boolean) => {
    for (const key of await keysUnder(store, prefix)) {
      if (found.length >= 5) return;
      const value = (await getJson<T>(store, key))?.value;
      if (value !== undefined && !isSample(value)) found.push(key);
    }
  };
  await check<{ title?: unknown }>('calendar/events/', (e) => typeof e.title === 'string' && e.title.startsWith(SAMPLE_PREFIX));
  await check<StoredReport>(REPORTS_PREFIX, (r) => r.current?.sample === true || r.current?.note === SAMPLE_NOTE);
  await check<{ text?: unknown }>(SUBMISSIONS_PREFIX, (s) => typeof s.text === 'string' && s.text.startsWith(SAMPLE_PREFIX));
  for (const prefix of ['calendar/pending/', 'directory/history/'])
    if (found.length < 5) found.push(...(await keysUnder(store, prefix)).slice(0, 5 - found.length));
  return found;
}

/** Whether the store holds any sample training, report or feedback already. */
async function hasSample(store: Store): Promise<boolean> {
  for (const prefix of ['calendar/events/', REPORTS_PREFIX, SUBMISSIONS_PREFIX])
    if ((await store.list(prefix)).items.length > 0) return true;
  return false;
}

/** A small deterministic number generator, so every run gives the same sample. */
function numbers(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `YYYY-MM-DDTHH:mm` in Europe/Stockholm. */
const localMinute = (d: Date): string => toStockholmIso(d).slice(0, 16);

/** The periods of `frequency` whose release date has passed at `now`, newest first, `count` of them. */
function releasablePeriods(frequency: Frequency, config: CountyConfig, now: Date, count: number): string[] {
  const today = toStockholmIso(now).slice(0, 10);
  const out: string[] = [];
  let year = Number(today.slice(0, 4));
  let step = frequency === 'year' ? 1 : frequency === 'quarter' ? 4 : 12;
  for (let guard = 0; out.length < count && guard < 200; guard++) {
    const period =
      frequency === 'year' ? String(year) : frequency === 'quarter' ? `${year}-Q${step}` : `${year}-${String(step).padStart(2, '0')}`;
    if (releaseDate(period, frequency, config) <= today) out.push(period);
    step -= 1;
    if (step === 0 || frequency === 'year') {
      year -= 1;
      step = frequency === 'quarter' ? 4 : 12;
    }
  }
  return out;
}

/** The middle of a quarter (`2026-Q3`) at 10:00 Stockholm time. */
const quarterMiddle = (quarter: string): Date =>
  new Date(`${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 2).padStart(2, '0')}-10T10:00:00+01:00`);

async function expectStatus(res: Response, ok: readonly number[], what: string): Promise<Response> {
  if (!ok.includes(res.status))
    throw new DemoError(
      `Exempeldata kunde inte skrivas (${what}): svar ${res.status}.`,
      `Sample data could not be written (${what}): answer ${res.status} ${await res.text()}`,
    );
  return res;
}

const jsonRequest = (method: string, body: unknown, authorization?: string, extra: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...extra },
  body: JSON.stringify(body),
});

/**
 * Fill an area's local store with a clearly marked sample, through the services' own apps with
 * locally signed staff tokens, so everything is validated like real input: a term of trainings
 * with registrations and a waiting list, two years of indicator reports from most organisations
 * (small counts included, so suppression shows), moderated feedback across the målbilder, and
 * the released periods as the public sees them.
 *
 * @example
 * await runDemo({ area: 'jamtland', config, dataDir: localDataDir('jamtland') });
 */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const { config, area } = options;
  const now = options.now ?? (() => new Date());
  const store = new FsStore(join(options.dataDir, 'store'));
  if (!options.force) {
    const foreign = await nonSampleKeys(store);
    if (foreign.length > 0)
      throw new DemoError(
        `Den lokala lagringen för ${area} innehåller redan data som inte är exempeldata (t.ex. ${foreign[0]}). Inget har skrivits. Kör med --force för att ändå lägga till exempeldata.`,
        `The local store of ${area} already holds data that is not sample data (e.g. ${foreign[0]}). Nothing was written. Run with --force to add the sample anyway.`,
      );
    if (await hasSample(store))
      throw new DemoError(
        `Den lokala lagringen för ${area} har redan exempeldata. Inget har skrivits. Ta bort ${join(options.dataDir, 'store')} för att börja om, eller kör med --force för att lägga till en omgång till.`,
        `The local store of ${area} already holds sample data. Nothing was written. Delete ${join(options.dataDir, 'store')} to start again, or run with --force to add another round.`,
      );
  }
  const issuer = await loadOrCreateLocalIssuer(join(options.dataDir, 'issuer-key.json'), localIssuerName(area));
  const bearer = async (roles: ('admin' | 'editor' | 'moderator')[], org?: string) =>
    `Bearer ${await issuer.sign({ roles, org, ttlSeconds: 3600, name: 'Exempeldata' })}`;
  const depsAt = (clock: Clock): AppDeps => ({
    config,
    store,
    clock,
    auth: issuer.auth,
    log: silentLogger,
    publicOrigin: 'http://localhost',
  });
  const housekeeping = async (services: readonly ('calendar' | 'feedback')[]) => {
    for (const service of services) if (config.modules[service]) await SCHEDULED_TASKS[service]?.(depsAt(nowClock));
  };
  const nowClock: Clock = { now };
  const random = numbers(area.split('').reduce((s, c) => s * 31 + c.charCodeAt(0), 7));
  const municipalities = config.municipalities.map((m) => m.code);

  // A term of trainings: the next twelve weeks, organised by the municipalities in turn.
  let trainings = 0;
  let registrations = 0;
  let waitlisted = 0;
  if (config.modules.calendar) {
    const calendar = createCalendarApp(depsAt(nowClock), { collectionWindowMs: 0 });
    const topics = trainingTopics(config);
    const start0 = new Date(now().getTime() + 7 * DAY);
    for (let i = 0; i < 8; i++) {
      const organizer = municipalities[i % municipalities.length] ?? municipalities[0]!;
      const topic = topics[i % topics.length]!;
      const start = new Date(start0.getTime() + i * 10 * DAY);
      start.setUTCHours(8, 0, 0, 0);
      const capacity = i === 0 ? 4 : 12 + (i % 3) * 6;
      const input = {
        title: `${SAMPLE_PREFIX} ${topic.sv}`.slice(0, 120),
        description: `${SAMPLE_DESCRIPTION}\n\nEn dag om ${topic.sv.toLowerCase()}, med övningar och fika.`,
        topic: topic.id,
        organizer,
        start: localMinute(start),
        end: localMinute(new Date(start.getTime() + 6 * 3600_000)),
        location: { place: 'Exempel: Kommunhuset, sal 1' },
        capacity,
        registrationDeadline: localMinute(new Date(start.getTime() - 2 * DAY)),
      };
      const res = await expectStatus(
        await calendar.request('/api/calendar/events', jsonRequest('POST', input, await bearer(['editor'], organizer))),
        [201],
        'utbildning / training',
      );
      const { id } = (await res.json()) as { id: string };
      trainings += 1;
      // The first training is full with a waiting list; the others get a few registrations.
      const people = i === 0 ? capacity + 2 : 1 + (i % 4);
      for (let p = 1; p <= people; p++) {
        const answer = await expectStatus(
          await calendar.request(
            `/api/calendar/events/${id}/registrations`,
            jsonRequest('POST', { name: `Exempel Deltagare ${p}`, email: `exempel-${i}-${p}@example.se`, org: organizer }),
          ),
          [201],
          'anmälan / registration',
        );
        const { status } = (await answer.json()) as { status: string };
        registrations += 1;
        if (status === 'waitlisted') waitlisted += 1;
      }
    }
  }

  const ctx = createIndicatorsContext(depsAt(nowClock));
  const quarters = releasablePeriods('quarter', config, now(), 8);

  // Feedback in the two latest released quarters, across the målbilder, some of it moderated.
  let feedback = 0;
  let published = 0;
  if (config.modules.feedback) {
    let at = 0;
    const clock: Clock = { now: () => new Date(at) };
    let n = 0;
    const form = createFeedbackApp(depsAt(clock), { clientAddress: () => `192.0.2.${1 + (n % 200)}` });
    const texts = [
      'Personalen lyssnade på mig och tog sig tid.',
      'Det tog lång tid att få en första tid.',
      'Bra att kommunen och regionen pratade med varandra.',
      'Jag fick hjälp med både boende och behandling.',
    ];
    for (const quarter of quarters.slice(0, 2)) {
      at = quarterMiddle(quarter).getTime();
      for (let m = 0; m < MALBILDER.length; m++) {
        // Most målbilder get enough to show; every third only one or two (hidden as ..).
        const count = m % 3 === 2 ? 1 + (m % 2) : 5 + (m % 4);
        for (let k = 0; k < count; k++) {
          n += 1;
          at += 700_000; // past the rate limit window
          const page = await (await form.request('/tyck-till')).text();
          const token = /name="token" value="([^"]+)"/.exec(page)?.[1] ?? '';
          at += 6_000;
          const body = new URLSearchParams({
            token,
            malbild: MALBILDER[m]!.id,
            text: `${SAMPLE_PREFIX} ${texts[n % texts.length]}`,
            municipality: municipalities[n % municipalities.length] ?? '',
            action: 'send',
          });
          await expectStatus(
            await form.request('/tyck-till', {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' },
              body: body.toString(),
            }),
            [200, 201, 303],
            'synpunkt / feedback',
          );
          feedback += 1;
        }
      }
    }
    // Moderation as today: publish a few as quotes, mark the rest reviewed.
    const moderator = await bearer(['moderator']);
    const moderation = createFeedbackApp(depsAt(nowClock));
    let cursor: string | undefined;
    let index = 0;
    do {
      const res = await expectStatus(
        await moderation.request(`/api/feedback/submissions?status=new&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
          headers: { authorization: moderator },
        }),
        [200],
        'moderering / moderation',
      );
      const list = (await res.json()) as { items: { id: string; text: string }[]; cursor?: string };
      for (const item of list.items) {
        const publish = index % 6 === 0;
        index += 1;
        const change = publish ? { status: 'published', quote: item.text } : { status: 'reviewed' };
        await expectStatus(
          await moderation.request(
            `/api/feedback/submissions/${item.id}`,
            jsonRequest('PATCH', change, moderator, { 'if-match': '"new"' }),
          ),
          [200],
          'moderering / moderation',
        );
        if (publish) published += 1;
      }
      cursor = list.cursor;
    } while (cursor);
  }
  // What the schedule does on AWS: the attendance file and the feedback counts the releases read.
  await housekeeping(['calendar', 'feedback']);

  // Two years of reports from most organisations, then the releases the public sees.
  let reports = 0;
  const releases: string[] = [];
  if (config.modules.indicators) {
    const indicators = createIndicatorsApp(depsAt(nowClock), { cacheWindowMs: 0 });
    const admin = await bearer(['admin']);
    const periods = {
      quarter: quarters,
      year: releasablePeriods('year', config, now(), 2),
      month: releasablePeriods('month', config, now(), 24),
    };
    const used = new Set<string>();
    for (const def of ctx.definitions) {
      if (def.derived) continue;
      const orgs = reportingOrganisations(def, config);
      for (const period of periods[def.frequency]) {
        used.add(period);
        for (let o = 0; o < orgs.length; o++) {
          const org = orgs[o]!;
          // Most organisations report: one in five skips each period, in turn.
          if ((o + period.length + reports) % 5 === 4 && orgs.length > 2) continue;
          const small = o % 4 === 1;
          const size = small ? 1 + Math.floor(random() * 4) : 8 + Math.floor(random() * 60);
          // A joint measure (single-reporter rule): the municipalities report it, the region its participation only.
          const participates = def.counting === 'single-reporter' && !config.municipalities.some((m) => m.code === org);
          const body =
            def.unit === 'count'
              ? participates
                ? { value: 0, participated: size }
                : { value: size }
              : def.unit === 'percent'
                ? { value: Math.round(40 + random() * 50), denominator: size }
                : def.unit === 'days'
                  ? { value: Math.round(5 + random() * 40), denominator: size }
                  : { value: Math.round(random() * 100) / 100, denominator: size };
          const res = await expectStatus(
            await indicators.request(
              `/api/indicators/values/${def.id}/${period}/${org}`,
              jsonRequest('PUT', { ...body, note: SAMPLE_NOTE, sample: true }, admin),
            ),
            // 428: a report is already there (a run with --force); it is kept as it is, never overwritten.
            [200, 201, 428],
            `rapport / report ${def.id} ${period} ${org}`,
          );
          if (res.status !== 428) reports += 1;
        }
      }
    }
    for (const period of [...used].sort()) {
      await expectStatus(
        await indicators.request('/api/indicators/releases', jsonRequest('POST', { period }, admin)),
        [201],
        `publicering / release ${period}`,
      );
      releases.push(period);
    }
  }
  // The feedback summary snapshot, now with the released periods and the published quotes.
  await housekeeping(['feedback']);
  return { trainings, registrations, waitlisted, reports, releases, feedback, published };
}
