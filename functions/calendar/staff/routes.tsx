import { Hono, type Context } from 'hono';
import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import { toCsv } from '../../core/csv/index.js';
import { readFormFields } from '../../core/http/body.js';
import { notFound, ProblemError } from '../../core/http/problem.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import { staffPage } from '../../core/session/middleware.js';
import type { CalendarContext } from '../context.js';
import { cancelEvent, newEvents, updateEvent } from '../data/event-service.js';
import { getEvent } from '../data/events.js';
import { storeNewEvents } from '../data/new-events.js';
import { publishedEvents } from '../data/published.js';
import { readLedger } from '../data/registrations.js';
import type { CalendarEvent } from '../model/event.js';
import { AUDIENCE_ROLES, organisationName } from '../model/vocabulary.js';
import { singleLine } from '../../core/text/index.js';
import { problemFormErrors, readTrainingForm, trainingInput, valuesOf, type TrainingFormError, type TrainingFormValues } from './form.js';
import { TrainingFormPage, TrainingsListPage, TRAININGS_PATH as PATH } from './page.js';
import { programmeImportRoutes } from './import-routes.js';
import { movedInput, readMoveForm, type MoveValues } from './move.js';
import { readRepeat } from './series.js';
import { once } from '../../core/once.js';

const NOTICES: Record<string, Text> = {
  created: { sv: 'Utbildningen är publicerad.', en: 'The training is published.' },
  series: { sv: 'Serien är publicerad: varje tillfälle finns nedan.', en: 'The series is published: every occasion is listed below.' },
  moved: {
    sv: 'Utbildningen är flyttad. Kalendern visar den nya tiden och den tidigare.',
    en: 'The training is moved. The calendar shows the new time and the earlier one.',
  },
  imported: { sv: 'Programmet är importerat.', en: 'The programme is imported.' },
  'imported-twice': {
    sv: 'Programmet var redan importerat (formuläret skickades två gånger). Inget sparades en gång till.',
    en: 'The programme was already imported (the form was sent twice). Nothing was stored again.',
  },
  saved: { sv: 'Ändringen är sparad.', en: 'The change is saved.' },
  cancelled: {
    sv: 'Utbildningen är inställd. Deltagarna ser det i kalendern.',
    en: 'The training is cancelled. Participants see it in the calendar.',
  },
  stale: {
    sv: 'Någon annan ändrade utbildningen samtidigt (eller formuläret skickades två gånger). Se den nya versionen och gör om din ändring.',
    en: 'Someone else changed the training at the same time (or the form was sent twice). See the new version and make your change again.',
  },
};
const UNREADABLE: TrainingFormError = {
  field: 'form',
  sv: 'Formuläret innehöll tecken som inte gick att läsa. Kontrollera fälten och skicka igen.',
  en: 'The form held characters that could not be read. Check the fields and send again.',
};
const REASON = once(() => singleLine(500));
const REASON_HELP = {
  sv: 'Skälet får vara högst 500 tecken utan styrtecken.',
  en: 'The reason may be at most 500 characters without control characters.',
};
const FORM_LIMIT = 64 * 1024;

/** Upcoming trainings first (soonest first), then past ones (latest first). */
export function upcomingFirst(events: readonly CalendarEvent[], now: Date): { upcoming: CalendarEvent[]; past: CalendarEvent[] } {
  const ends = (e: CalendarEvent) => Date.parse(e.end);
  const upcoming = events.filter((e) => ends(e) >= now.getTime()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = events.filter((e) => ends(e) < now.getTime()).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return { upcoming, past };
}

/** One row per registration (confirmed, then the waiting list in order), Swedish Excel dialect. */
export function registrationsCsv(
  ctx: CalendarContext,
  event: CalendarEvent,
  entries: Awaited<ReturnType<typeof readLedger>>['entries'],
): string {
  const role = (id: string | undefined) => AUDIENCE_ROLES.find((r) => r.id === id)?.sv ?? id ?? '';
  const rows = [...entries.filter((e) => e.status === 'confirmed'), ...entries.filter((e) => e.status === 'waitlisted')].map(
    (e, i, all) => [
      e.status === 'confirmed' ? 'Bekräftad' : 'Väntelista',
      e.status === 'waitlisted' ? all.slice(0, i + 1).filter((x) => x.status === 'waitlisted').length : null,
      e.name,
      e.email,
      organisationName(ctx.deps.config, e.org),
      e.org,
      role(e.role),
      e.createdAt,
    ],
  );
  return toCsv([['Status', 'Plats i kön', 'Namn', 'E-post', 'Organisation', 'Organisationskod', 'Roll', 'Anmäld'], ...rows], 'sv');
}

/**
 * The staff section `/personal/utbildningar` (editors and admins), usable without JavaScript: the
 * trainings of the person's organisation (all for admin), create, change (with the `If-Match`
 * conflict shown beside what was typed), cancel with a reason, and the registrations with their
 * CSV. Every change goes through the same service functions as `/api/calendar/events`.
 */
export function trainingStaffRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  const guard = staffPage(deps, 'editor', 'admin');
  app.use(PATH, guard);
  app.use(`${PATH}/*`, guard);
  const base = (c: Context<KitEnv>) => ({
    config: deps.config,
    lang: resolveLang(c),
    nonce: c.get('secureHeadersNonce'),
    staff: currentStaff(c),
  });
  const back = (c: Context<KitEnv>, to: string, notice: string) =>
    c.redirect(`${to}?meddelande=${notice}${resolveLang(c) === 'en' ? '&lang=en' : ''}`, 303);

  /** A training the person may change, with its stored ETag; 404 or 403 otherwise. */
  async function ownEvent(staff: Staff, id: string) {
    const found = await getEvent(deps.store, id);
    if (!found) throw notFound('No training with this id.');
    if (!canEditOrg(staff, found.value.organizer))
      throw new ProblemError({ status: 403, title: 'Behörighet saknas', detail: 'Only the organiser changes this training.' });
    return found;
  }

  async function editPage(
    c: Context<KitEnv>,
    id: string,
    extra: { values?: TrainingFormValues; errors?: TrainingFormError[]; conflict?: boolean; move?: MoveValues } = {},
    status: 200 | 400 | 409 = 200,
  ) {
    const found = await ownEvent(currentStaff(c), id);
    const ledger = await readLedger(ctx, found.value);
    return c.html(
      <TrainingFormPage
        {...base(c)}
        event={found.value}
        etag={found.etag}
        values={extra.values ?? valuesOf(found.value)}
        errors={extra.errors ?? []}
        conflict={extra.conflict}
        move={extra.move}
        registrations={ledger.entries}
        notice={NOTICES[c.req.query('meddelande') ?? '']}
      />,
      status,
    );
  }

  app.get(PATH, async (c) => {
    const staff = currentStaff(c);
    const { events } = await publishedEvents(ctx);
    const mine = staff.roles.includes('admin') ? events : events.filter((e) => e.organizer === staff.org);
    const { upcoming, past } = upcomingFirst(mine, deps.clock.now());
    return c.html(<TrainingsListPage {...base(c)} upcoming={upcoming} past={past} notice={NOTICES[c.req.query('meddelande') ?? '']} />);
  });

  app.get(`${PATH}/ny`, async (c) => {
    const staff = currentStaff(c);
    const from = c.req.query('kopia');
    if (from) {
      // a copy: every field of an own training, to change the time and publish as a new one
      const source = await ownEvent(staff, from);
      return c.html(<TrainingFormPage {...base(c)} values={valuesOf(source.value)} errors={[]} />);
    }
    const values: TrainingFormValues = {
      text: { organizer: staff.roles.includes('admin') ? 'region' : staff.org, language: 'sv' },
      audienceOrgs: [],
      audienceRoles: [],
    };
    return c.html(<TrainingFormPage {...base(c)} values={values} errors={[]} />);
  });

  app.post(`${PATH}/ny`, async (c) => {
    assertFormBody(c);
    const { params, invalid } = await readFormFields(c, FORM_LIMIT);
    const values = readTrainingForm(params);
    const show = (errors: TrainingFormError[]) => c.html(<TrainingFormPage {...base(c)} values={values} errors={errors} />, 400);
    if (invalid.length) return show([UNREADABLE]);
    const { input, errors } = trainingInput(values);
    const series = readRepeat(values);
    if (!input || series.errors.length) return show([...errors, ...series.errors]);
    try {
      const events = newEvents(ctx, currentStaff(c), input, series.repeat);
      await storeNewEvents(ctx, events);
      return events.length > 1 ? back(c, PATH, 'series') : back(c, `${PATH}/${events[0]!.id}`, 'created');
    } catch (error) {
      const fields = problemFormErrors(error);
      if (fields) return show(fields);
      throw error;
    }
  });

  app.route('/', programmeImportRoutes(ctx, { base, back }));

  app.get(`${PATH}/:id/anmalningar.csv`, async (c) => {
    const found = await ownEvent(currentStaff(c), c.req.param('id'));
    const ledger = await readLedger(ctx, found.value);
    return c.body(registrationsCsv(ctx, found.value, ledger.entries), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="anmalningar-${found.value.id}.csv"`,
    });
  });

  app.get(`${PATH}/:id`, (c) => editPage(c, c.req.param('id')));

  app.post(`${PATH}/:id`, async (c) => {
    assertFormBody(c);
    const id = c.req.param('id');
    const { params, invalid } = await readFormFields(c, FORM_LIMIT);
    const values = readTrainingForm(params);
    if (invalid.length) return editPage(c, id, { values, errors: [UNREADABLE] }, 400);
    const { input, errors } = trainingInput(values);
    const reasonText = values.text.reason?.trim() ?? '';
    const reason = reasonText ? REASON().safeParse(reasonText) : undefined;
    if (reason && !reason.success) errors.push({ field: 'reason', ...REASON_HELP });
    if (!input || errors.length) return editPage(c, id, { values, errors }, 400);
    try {
      await updateEvent(ctx, currentStaff(c), id, params.get('etag') ?? '', input, reason?.data);
      return back(c, `${PATH}/${id}`, 'saved');
    } catch (error) {
      if (error instanceof ProblemError && (error.problem.status === 412 || error.problem.status === 428))
        return editPage(c, id, { values, conflict: true }, 409);
      const fields = problemFormErrors(error);
      if (fields) return editPage(c, id, { values, errors: fields }, 400);
      throw error;
    }
  });

  app.post(`${PATH}/:id/flytta`, async (c) => {
    assertFormBody(c);
    const id = c.req.param('id');
    const { params, invalid } = await readFormFields(c, 4096);
    const move = readMoveForm(params);
    const found = await ownEvent(currentStaff(c), id);
    const { input, errors } = movedInput(found.value, move);
    const reasonText = move.reason?.trim() ?? '';
    const reason = reasonText ? REASON().safeParse(reasonText) : undefined;
    if (reason && !reason.success) errors.push({ field: 'move-reason', ...REASON_HELP });
    if (invalid.length) errors.unshift(UNREADABLE);
    if (!input || errors.length) return editPage(c, id, { move, errors }, 400);
    try {
      await updateEvent(ctx, currentStaff(c), id, params.get('etag') ?? '', input, reason?.data);
    } catch (error) {
      if (error instanceof ProblemError && (error.problem.status === 412 || error.problem.status === 428))
        return back(c, `${PATH}/${id}`, 'stale');
      throw error;
    }
    return back(c, `${PATH}/${id}`, 'moved');
  });

  app.post(`${PATH}/:id/installning`, async (c) => {
    assertFormBody(c);
    const id = c.req.param('id');
    const { params, invalid } = await readFormFields(c, 4096);
    const reason = REASON().safeParse(params.get('reason') ?? '');
    if (invalid.length || !reason.success)
      return editPage(
        c,
        id,
        {
          errors: [
            {
              field: 'cancel-reason',
              sv: 'Skriv ett skäl (högst 500 tecken, utan styrtecken).',
              en: 'Enter a reason (at most 500 characters, no control characters).',
            },
          ],
        },
        400,
      );
    try {
      await cancelEvent(ctx, currentStaff(c), id, params.get('etag') ?? '', reason.data);
    } catch (error) {
      if (error instanceof ProblemError && (error.problem.status === 412 || error.problem.status === 428))
        return back(c, `${PATH}/${id}`, 'stale');
      throw error;
    }
    return back(c, `${PATH}/${id}`, 'cancelled');
  });
  return app;
}
