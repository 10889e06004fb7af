import type { CountyConfig } from '../../core/config/schema.js';
import { formatDateTime, t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { contentLang } from '../../core/page/content-lang.js';
import type { CalendarEvent } from '../model/event.js';
import { AUDIENCE_ROLES, organisationName } from '../model/vocabulary.js';
import { eventJsonLd, JsonLd } from './json-ld.js';
import { statusLabel, topicLabel, whenLabel } from './labels.js';
import { RegistrationForm, type FormError, type FormValues } from './registration-form.js';

/** Props of a training's page. */
export interface EventPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly event: CalendarEvent;
  readonly confirmed: number;
  readonly waitlisted: number;
  readonly origin: string;
  readonly now: Date;
  readonly values?: FormValues;
  readonly errors?: readonly FormError[];
}

/** `/utbildningar/{id}`: a training with its JSON-LD and registration form. */
export function EventPage(props: EventPageProps) {
  const { config, lang, event } = props;
  const url = `${props.origin}/utbildningar/${event.id}`;
  const left = Math.max(0, event.capacity - props.confirmed);
  const open = event.status !== 'cancelled' && props.now <= new Date(event.registrationDeadline);
  const title = event.status === 'cancelled' ? `${t(lang, { sv: 'INSTÄLLD', en: 'CANCELLED' })}: ${event.title}` : event.title;
  return (
    <Layout
      config={config}
      lang={lang}
      title={title}
      path={`/utbildningar/${event.id}`}
      current="calendar"
      nonce={props.nonce}
      head={<JsonLd data={eventJsonLd(config, event, { url, origin: props.origin, now: props.now }, props.confirmed)} />}
    >
      <p>
        <a href="/utbildningar">{t(lang, { sv: 'Alla utbildningar', en: 'All trainings' })}</a>
      </p>
      <h1>
        {event.status === 'cancelled' ? `${t(lang, { sv: 'INSTÄLLD', en: 'CANCELLED' })}: ` : ''}
        <span lang={contentLang(event.language, lang)}>{event.title}</span>
      </h1>
      {event.status !== 'scheduled' ? (
        <p class="notice">
          {statusLabel(event, lang)}
          {event.status === 'moved' && event.previousStart
            ? t(lang, {
                sv: ` (tidigare ${formatDateTime(event.previousStart, lang)})`,
                en: ` (was ${formatDateTime(event.previousStart, lang)})`,
              })
            : ''}
          {event.statusReason ? `: ${event.statusReason}` : ''}
        </p>
      ) : null}
      <dl>
        <dt>{t(lang, { sv: 'Tid', en: 'When' })}</dt>
        <dd>{whenLabel(event, lang)}</dd>
        <dt>{t(lang, { sv: 'Ämne', en: 'Topic' })}</dt>
        <dd>{topicLabel(config, event.topic, lang)}</dd>
        <dt>{t(lang, { sv: 'Arrangör', en: 'Organiser' })}</dt>
        <dd>{organisationName(config, event.organizer)}</dd>
        <dt>{t(lang, { sv: 'Plats', en: 'Where' })}</dt>
        <dd>
          {[event.location.place, event.location.address].filter(Boolean).join(', ')}
          {event.location.onlineUrl ? (
            <>
              {event.location.place ? ' · ' : ''}
              <a href={event.location.onlineUrl}>{t(lang, { sv: 'Digital länk', en: 'Online link' })}</a>
            </>
          ) : null}
        </dd>
        <dt>{t(lang, { sv: 'Målgrupp', en: 'Audience' })}</dt>
        <dd>
          {event.audienceOrgs.length
            ? event.audienceOrgs.map((o) => organisationName(config, o)).join(', ')
            : t(lang, { sv: `Alla organisationer i ${config.name}`, en: `All organisations in ${config.name}` })}
          {event.audienceRoles.length
            ? ` · ${event.audienceRoles.map((r) => t(lang, AUDIENCE_ROLES.find((x) => x.id === r) ?? { sv: r, en: r })).join(', ')}`
            : ''}
        </dd>
        <dt>{t(lang, { sv: 'Språk', en: 'Language' })}</dt>
        <dd lang={event.language}>{new Intl.DisplayNames([lang], { type: 'language' }).of(event.language) ?? event.language}</dd>
        <dt>{t(lang, { sv: 'Platser', en: 'Seats' })}</dt>
        <dd>
          {t(lang, {
            sv: `${left} av ${event.capacity} lediga${props.waitlisted ? `, ${props.waitlisted} på väntelistan` : ''}`,
            en: `${left} of ${event.capacity} free${props.waitlisted ? `, ${props.waitlisted} on the waiting list` : ''}`,
          })}
        </dd>
        <dt>{t(lang, { sv: 'Sista anmälningsdag', en: 'Registration deadline' })}</dt>
        <dd>{formatDateTime(event.registrationDeadline, lang)}</dd>
      </dl>
      {event.description ? (
        <p class="description" lang={contentLang(event.language, lang)}>
          {event.description}
        </p>
      ) : null}
      <p>
        <a href={`/utbildningar/${event.id}.ics${lang === 'en' ? '?lang=en' : ''}`}>
          {t(lang, { sv: 'Lägg till i min kalender (.ics)', en: 'Add to my calendar (.ics)' })}
        </a>
      </p>
      <h2>{t(lang, { sv: 'Anmälan', en: 'Registration' })}</h2>
      {open ? (
        <RegistrationForm config={config} lang={lang} event={event} values={props.values} errors={props.errors} full={left === 0} />
      ) : (
        <p>
          {event.status === 'cancelled'
            ? t(lang, { sv: 'Utbildningen är inställd.', en: 'The training is cancelled.' })
            : t(lang, { sv: 'Sista anmälningsdag har passerat.', en: 'The registration deadline has passed.' })}
        </p>
      )}
    </Layout>
  );
}
