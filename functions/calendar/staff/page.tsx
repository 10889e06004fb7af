import type { Child } from 'hono/jsx';
import type { Staff } from '../../core/auth/auth.js';
import { canEditOrg } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { formatDateTime, t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import type { CalendarEvent } from '../model/event.js';
import type { Registration } from '../model/ledger.js';
import { AUDIENCE_ROLES, organisationName, organisations, trainingTopics } from '../model/vocabulary.js';
import { statusLabel, topicLabel, whenLabel } from '../pages/labels.js';
import type { TrainingFormError, TrainingFormValues } from './form.js';
import { described, ErrorFor, ErrorSummary, InputField, TRAININGS_PATH } from './parts.js';
import { MoveSection, moveValuesOf, type MoveValues } from './move.js';
import { SeriesFields } from './series.js';

export { TRAININGS_PATH } from './parts.js';
const PATH = TRAININGS_PATH;

/** What every page of the section receives. */
export interface BaseProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
}

/** The section's layout: the staff bar, the heading and a notice. */
export function Shell(props: BaseProps & { title: string; notice?: Text; children?: Child }) {
  const { lang, config } = props;
  return (
    <Layout config={config} lang={lang} title={props.title} path={PATH} current="calendar" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <h1>{props.title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {t(lang, props.notice)}
        </p>
      ) : null}
      {props.children}
    </Layout>
  );
}

/** Props of `TrainingsListPage`. */
export interface TrainingsListProps extends BaseProps {
  readonly upcoming: readonly CalendarEvent[];
  readonly past: readonly CalendarEvent[];
  readonly notice?: Text;
}

function TrainingTable(props: { lang: Lang; config: CountyConfig; caption: string; events: readonly CalendarEvent[] }) {
  const { lang, config } = props;
  if (props.events.length === 0) return <p>{t(lang, { sv: 'Inga utbildningar.', en: 'No trainings.' })}</p>;
  return (
    <TableScroll lang={lang} label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, { sv: 'Utbildning', en: 'Training' })}</th>
            <th scope="col">{t(lang, { sv: 'När', en: 'When' })}</th>
            <th scope="col">{t(lang, { sv: 'Arrangör', en: 'Organiser' })}</th>
            <th scope="col">{t(lang, { sv: 'Status', en: 'Status' })}</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((e) => (
            <tr>
              <td>
                <a href={`${PATH}/${e.id}${lang === 'en' ? '?lang=en' : ''}`}>{e.title}</a>
                <br />
                <span class="muted">{topicLabel(config, e.topic, lang)}</span>
              </td>
              <td>{whenLabel(e, lang)}</td>
              <td>{organisationName(config, e.organizer)}</td>
              <td>{statusLabel(e, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The trainings the person may change: upcoming first (soonest first), then past ones (latest first). */
export function TrainingsListPage(props: TrainingsListProps) {
  const { lang } = props;
  const all = props.staff.roles.includes('admin');
  return (
    <Shell {...props} title={t(lang, { sv: 'Utbildningar', en: 'Trainings' })}>
      <p>
        {all
          ? t(lang, { sv: 'Du ser alla organisationers utbildningar.', en: 'You see the trainings of every organisation.' })
          : t(lang, {
              sv: `Du ser utbildningar som ${organisationName(props.config, props.staff.org ?? '')} arrangerar.`,
              en: `You see the trainings ${organisationName(props.config, props.staff.org ?? '')} organises.`,
            })}
      </p>
      <p>
        <a class="button" href={`${PATH}/ny${lang === 'en' ? '?lang=en' : ''}`}>
          {t(lang, { sv: 'Ny utbildning', en: 'New training' })}
        </a>{' '}
        <a class="button secondary" href={`${PATH}/importera${lang === 'en' ? '?lang=en' : ''}`}>
          {t(lang, { sv: 'Importera ett program (CSV)', en: 'Import a programme (CSV)' })}
        </a>
      </p>
      <h2>{t(lang, { sv: 'Kommande', en: 'Upcoming' })}</h2>
      <TrainingTable
        lang={lang}
        config={props.config}
        caption={t(lang, { sv: 'Kommande utbildningar', en: 'Upcoming trainings' })}
        events={props.upcoming}
      />
      <h2>{t(lang, { sv: 'Tidigare', en: 'Past' })}</h2>
      <TrainingTable
        lang={lang}
        config={props.config}
        caption={t(lang, { sv: 'Tidigare utbildningar', en: 'Past trainings' })}
        events={props.past}
      />
    </Shell>
  );
}

function TextField(props: {
  lang: Lang;
  name: keyof TrainingFormValues['text'];
  label: Text;
  hint?: Text;
  type?: string;
  values: TrainingFormValues;
  errors: readonly TrainingFormError[];
  required?: boolean;
}) {
  return <InputField {...props} id={props.name} value={props.values.text[props.name] ?? ''} />;
}

/** The fields of a training (create and edit), each with its error. */
export function TrainingFields(props: {
  config: CountyConfig;
  lang: Lang;
  staff: Staff;
  values: TrainingFormValues;
  errors: readonly TrainingFormError[];
  idPrefix?: string;
}) {
  const { lang, config, values, errors } = props;
  const orgs = organisations(config).filter((o) => canEditOrg(props.staff, o.id));
  const f = (name: keyof TrainingFormValues['text'], label: Text, extra: { hint?: Text; type?: string; required?: boolean } = {}) => (
    <TextField lang={lang} name={name} label={label} values={values} errors={errors} {...extra} />
  );
  return (
    <>
      {f('title', { sv: 'Rubrik', en: 'Title' }, { required: true })}
      <p>
        <label for="description">{t(lang, { sv: 'Beskrivning', en: 'Description' })}</label>
        <ErrorFor lang={lang} field="description" errors={errors} />
        <textarea id="description" name="description" rows={5} aria-describedby={described('description', errors)}>
          {values.text.description ?? ''}
        </textarea>
      </p>
      <p>
        <label for="topic">{t(lang, { sv: 'Ämne', en: 'Topic' })}</label>
        <ErrorFor lang={lang} field="topic" errors={errors} />
        <select id="topic" name="topic" aria-describedby={described('topic', errors)}>
          {trainingTopics(config).map((x) => (
            <option value={x.id} selected={values.text.topic === x.id}>
              {t(lang, x)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="organizer">{t(lang, { sv: 'Arrangör', en: 'Organiser' })}</label>
        <ErrorFor lang={lang} field="organizer" errors={errors} />
        <select id="organizer" name="organizer" aria-describedby={described('organizer', errors)}>
          {orgs.map((o) => (
            <option value={o.id} selected={values.text.organizer === o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </p>
      {f(
        'start',
        { sv: 'Start', en: 'Start' },
        {
          required: true,
          hint: {
            sv: 'Svensk tid: år-månad-dag timme:minut, till exempel 2026-03-03 13:00.',
            en: 'Swedish time: year-month-day hour:minute, e.g. 2026-03-03 13:00.',
          },
        },
      )}
      {f(
        'end',
        { sv: 'Slut', en: 'End' },
        { required: true, hint: { sv: 'Till exempel 2026-03-03 16:00.', en: 'For example 2026-03-03 16:00.' } },
      )}
      {f(
        'registrationDeadline',
        { sv: 'Sista anmälningsdag', en: 'Registration deadline' },
        { required: true, hint: { sv: 'Till exempel 2026-03-01 23:59.', en: 'For example 2026-03-01 23:59.' } },
      )}
      {f(
        'place',
        { sv: 'Plats', en: 'Place' },
        { hint: { sv: 'Ange en plats, en digital länk eller båda.', en: 'Give a place, a digital link or both.' } },
      )}
      {f('address', { sv: 'Adress', en: 'Address' })}
      {f('onlineUrl', { sv: 'Digital länk (https://)', en: 'Digital link (https://)' }, { type: 'url' })}
      {f('capacity', { sv: 'Antal platser', en: 'Number of seats' }, { type: 'number', required: true })}
      {f('language', { sv: 'Språk (kod, till exempel sv)', en: 'Language (code, e.g. sv)' })}
      <fieldset>
        <legend>{t(lang, { sv: 'Öppen för organisationer (ingen vald: alla)', en: 'Open to organisations (none chosen: all)' })}</legend>
        <ErrorFor lang={lang} field="audienceOrgs" errors={errors} />
        {organisations(config).map((o) => (
          <p class="choice">
            <input type="checkbox" id={`aorg-${o.id}`} name="audienceOrgs" value={o.id} checked={values.audienceOrgs.includes(o.id)} />
            <label for={`aorg-${o.id}`}>{o.name}</label>
          </p>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t(lang, { sv: 'Målgrupp (roller)', en: 'Audience (roles)' })}</legend>
        <ErrorFor lang={lang} field="audienceRoles" errors={errors} />
        {AUDIENCE_ROLES.map((r) => (
          <p class="choice">
            <input type="checkbox" id={`arole-${r.id}`} name="audienceRoles" value={r.id} checked={values.audienceRoles.includes(r.id)} />
            <label for={`arole-${r.id}`}>{t(lang, r)}</label>
          </p>
        ))}
      </fieldset>
    </>
  );
}

/** Props of `TrainingFormPage`. */
export interface TrainingFormProps extends BaseProps {
  /** The stored training (edit); absent to create one. */
  readonly event?: CalendarEvent;
  readonly etag?: string;
  readonly values: TrainingFormValues;
  readonly errors: readonly TrainingFormError[];
  /** On an `If-Match` conflict: the stored version beside what was typed. */
  readonly conflict?: boolean;
  readonly registrations?: readonly Registration[];
  readonly notice?: Text;
  /** The move form as typed (edit only); the stored times when absent. */
  readonly move?: MoveValues;
}

function StoredVersion(props: { config: CountyConfig; lang: Lang; event: CalendarEvent }) {
  const { lang, event, config } = props;
  const row = (label: Text, value: string) => (
    <tr>
      <th scope="row">{t(lang, label)}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <TableScroll lang={lang} label={t(lang, { sv: 'Den sparade versionen', en: 'The stored version' })}>
      <table>
        <caption>{t(lang, { sv: 'Den sparade versionen', en: 'The stored version' })}</caption>
        <tbody>
          {row({ sv: 'Rubrik', en: 'Title' }, event.title)}
          {row({ sv: 'Beskrivning', en: 'Description' }, event.description)}
          {row({ sv: 'Ämne', en: 'Topic' }, topicLabel(config, event.topic, lang))}
          {row({ sv: 'Arrangör', en: 'Organiser' }, organisationName(config, event.organizer))}
          {row({ sv: 'När', en: 'When' }, whenLabel(event, lang))}
          {row({ sv: 'Sista anmälningsdag', en: 'Registration deadline' }, formatDateTime(event.registrationDeadline, lang))}
          {row(
            { sv: 'Plats', en: 'Place' },
            [event.location.place, event.location.address, event.location.onlineUrl].filter(Boolean).join(', '),
          )}
          {row({ sv: 'Antal platser', en: 'Number of seats' }, String(event.capacity))}
          {row({ sv: 'Status', en: 'Status' }, statusLabel(event, lang))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Registrations(props: { config: CountyConfig; lang: Lang; event: CalendarEvent; items: readonly Registration[] }) {
  const { lang, config } = props;
  const confirmed = props.items.filter((r) => r.status === 'confirmed');
  const waiting = props.items.filter((r) => r.status === 'waitlisted');
  const table = (caption: string, rows: readonly Registration[]) =>
    rows.length === 0 ? (
      <p>{t(lang, { sv: `${caption}: inga.`, en: `${caption}: none.` })}</p>
    ) : (
      <TableScroll lang={lang} label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, { sv: 'Namn', en: 'Name' })}</th>
              <th scope="col">{t(lang, { sv: 'E-post', en: 'E-mail' })}</th>
              <th scope="col">{t(lang, { sv: 'Organisation', en: 'Organisation' })}</th>
              <th scope="col">{t(lang, { sv: 'Anmäld', en: 'Registered' })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{organisationName(config, r.org)}</td>
                <td>{formatDateTime(r.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  return (
    <section aria-labelledby="h-registrations">
      <h2 id="h-registrations">{t(lang, { sv: 'Anmälningar', en: 'Registrations' })}</h2>
      <p>
        {t(lang, {
          sv: `${confirmed.length} bekräftade av ${props.event.capacity} platser, ${waiting.length} på väntelistan.`,
          en: `${confirmed.length} confirmed of ${props.event.capacity} seats, ${waiting.length} on the waiting list.`,
        })}
      </p>
      {table(t(lang, { sv: 'Bekräftade', en: 'Confirmed' }), confirmed)}
      {table(t(lang, { sv: 'Väntelista', en: 'Waiting list' }), waiting)}
      <p>
        <a href={`${PATH}/${props.event.id}/anmalningar.csv${lang === 'en' ? '?lang=en' : ''}`}>
          {t(lang, { sv: 'Ladda ner anmälningarna (CSV för Excel)', en: 'Download the registrations (CSV for Excel)' })}
        </a>
      </p>
    </section>
  );
}

/** The form to create a training, or to change, cancel and follow one (with its registrations). */
export function TrainingFormPage(props: TrainingFormProps) {
  const { lang, config, event } = props;
  const q = lang === 'en' ? '?lang=en' : '';
  const title = event
    ? t(lang, { sv: `Ändra: ${event.title}`, en: `Change: ${event.title}` })
    : t(lang, { sv: 'Ny utbildning', en: 'New training' });
  return (
    <Shell {...props} title={title}>
      <p>
        <a href={`${PATH}${q}`}>{t(lang, { sv: 'Alla utbildningar', en: 'All trainings' })}</a>
        {event ? (
          <>
            {' · '}
            <a href={`/utbildningar/${event.id}${q}`}>{t(lang, { sv: 'Den publika sidan', en: 'The public page' })}</a>
            {' · '}
            <a href={`${PATH}/ny?kopia=${event.id}${lang === 'en' ? '&lang=en' : ''}`}>
              {t(lang, { sv: 'Kopiera till en ny utbildning', en: 'Copy to a new training' })}
            </a>
          </>
        ) : null}
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.conflict && event ? (
        <section aria-labelledby="h-conflict" class="card">
          <h2 id="h-conflict">
            {t(lang, { sv: 'Någon annan ändrade utbildningen samtidigt', en: 'Someone else changed the training at the same time' })}
          </h2>
          <p>
            {t(lang, {
              sv: 'Din ändring är inte sparad. Här är den sparade versionen; formuläret nedan visar det du skrev. Spara igen för att behålla din version, eller ta den sparade.',
              en: 'Your change is not saved. Here is the stored version; the form below shows what you typed. Save again to keep your version, or take the stored one.',
            })}
          </p>
          <StoredVersion config={config} lang={lang} event={event} />
          <p>
            <a href={`${PATH}/${event.id}${q}`}>{t(lang, { sv: 'Ta den sparade versionen', en: 'Take the stored version' })}</a>
          </p>
        </section>
      ) : null}
      {event?.status === 'cancelled' ? (
        <p class="notice">
          {t(lang, { sv: 'Utbildningen är inställd', en: 'The training is cancelled' })}
          {event.statusReason ? `: ${event.statusReason}` : '.'}
        </p>
      ) : null}
      <form method="post" action={event ? `${PATH}/${event.id}${q}` : `${PATH}/ny${q}`} novalidate>
        {props.etag ? <input type="hidden" name="etag" value={props.etag} /> : null}
        <TrainingFields config={config} lang={lang} staff={props.staff} values={props.values} errors={props.errors} />
        {event ? null : <SeriesFields lang={lang} values={props.values} errors={props.errors} />}
        {event ? (
          <TextField
            lang={lang}
            name="reason"
            label={{ sv: 'Skäl om tiden ändras (visas för deltagarna)', en: 'Reason if the time changes (shown to participants)' }}
            values={props.values}
            errors={props.errors}
          />
        ) : null}
        <p>
          <button type="submit">
            {event
              ? props.conflict
                ? t(lang, { sv: 'Spara min version', en: 'Save my version' })
                : t(lang, { sv: 'Spara ändringen', en: 'Save the change' })
              : t(lang, { sv: 'Publicera utbildningen', en: 'Publish the training' })}
          </button>
        </p>
      </form>
      {event && event.status !== 'cancelled' && !props.conflict ? (
        <MoveSection lang={lang} event={event} etag={props.etag ?? ''} values={props.move ?? moveValuesOf(event)} errors={props.errors} />
      ) : null}
      {event && event.status !== 'cancelled' && !props.conflict ? (
        <section aria-labelledby="h-cancel">
          <h2 id="h-cancel">{t(lang, { sv: 'Ställ in utbildningen', en: 'Cancel the training' })}</h2>
          <form method="post" action={`${PATH}/${event.id}/installning${q}`}>
            <input type="hidden" name="etag" value={props.etag ?? ''} />
            <p>
              <label for="cancel-reason">{t(lang, { sv: 'Skäl (visas för deltagarna)', en: 'Reason (shown to participants)' })}</label>
              <ErrorFor lang={lang} field="cancel-reason" errors={props.errors} />
              <input id="cancel-reason" name="reason" type="text" required aria-describedby={described('cancel-reason', props.errors)} />
            </p>
            <p>
              <button type="submit" class="secondary">
                {t(lang, { sv: 'Ställ in', en: 'Cancel it' })}
              </button>
            </p>
          </form>
        </section>
      ) : null}
      {event && props.registrations ? <Registrations config={config} lang={lang} event={event} items={props.registrations} /> : null}
    </Shell>
  );
}
