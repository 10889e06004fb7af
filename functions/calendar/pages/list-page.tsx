import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { contentLang } from '../../core/page/content-lang.js';
import type { SummaryIndex } from '../data/summary.js';
import type { CalendarEvent } from '../model/event.js';
import type { EventQuery } from '../model/filter.js';
import { organisations, trainingTopics } from '../model/vocabulary.js';
import { statusLabel, topicLabel, whenLabel } from './labels.js';
import { SubscribeLinks } from './subscribe.js';

/** Props of the list of upcoming trainings. */
export interface ListPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly events: readonly CalendarEvent[];
  readonly summaries: SummaryIndex;
  readonly query: Partial<EventQuery>;
  readonly origin: string;
  readonly next?: string;
}

function Select(props: { name: string; label: string; value?: string; options: { id: string; label: string }[]; all: string }) {
  return (
    <p>
      <label for={`f-${props.name}`}>{props.label}</label>
      <br />
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option value={o.id} selected={o.id === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  );
}

/** `/utbildningar`: upcoming trainings with filters and subscribe links. */
export function ListPage(props: ListPageProps) {
  const { config, lang, query } = props;
  const orgs = organisations(config).map((o) => ({ id: o.id, label: o.name }));
  const title = t(lang, { sv: 'Utbildningar', en: 'Trainings' });
  return (
    <Layout config={config} lang={lang} title={title} path="/utbildningar" current="calendar" nonce={props.nonce}>
      <h1>{title}</h1>
      <p class="lead">
        {t(lang, {
          sv: `Gemensamma utbildningar för personal i regionen och kommunerna i ${config.name}. Anmälan är gratis.`,
          en: `Joint trainings for staff of the region and the municipalities in ${config.name}. Registration is free.`,
        })}
      </p>
      <p>
        <a href="/utbildningar/arshjul">{t(lang, { sv: 'Årshjulet: ämnen per månad', en: 'The year view: topics per month' })}</a>
      </p>
      <form method="get" action="/utbildningar" role="search" aria-label={t(lang, { sv: 'Filtrera utbildningar', en: 'Filter trainings' })}>
        <Select
          name="topic"
          label={t(lang, { sv: 'Ämne', en: 'Topic' })}
          value={query.topic}
          all={t(lang, { sv: 'Alla ämnen', en: 'All topics' })}
          options={trainingTopics(config).map((x) => ({ id: x.id, label: t(lang, x) }))}
        />
        <Select
          name="organizer"
          label={t(lang, { sv: 'Arrangör', en: 'Organiser' })}
          value={query.organizer}
          all={t(lang, { sv: 'Alla arrangörer', en: 'All organisers' })}
          options={orgs}
        />
        <Select
          name="municipality"
          label={t(lang, { sv: 'Öppen för min organisation', en: 'Open to my organisation' })}
          value={query.municipality}
          all={t(lang, { sv: 'Alla', en: 'All' })}
          options={orgs}
        />
        <p class="choice">
          <input type="checkbox" id="f-seats" name="seatsLeft" value="true" checked={query.seatsLeft === 'true'} />
          <label for="f-seats">{t(lang, { sv: 'Bara med lediga platser', en: 'Only with free seats' })}</label>
        </p>
        <button type="submit" class="button">
          {t(lang, { sv: 'Visa', en: 'Show' })}
        </button>
      </form>
      <h2>{t(lang, { sv: `Kommande utbildningar (${props.events.length})`, en: `Upcoming trainings (${props.events.length})` })}</h2>
      {props.events.length === 0 ? (
        <p>{t(lang, { sv: 'Inga utbildningar matchar.', en: 'No trainings match.' })}</p>
      ) : (
        <ul class="cards">
          {props.events.map((e) => {
            const left = Math.max(0, e.capacity - (props.summaries[e.id]?.confirmed ?? 0));
            return (
              <li class="card">
                <h3>
                  <a href={`/utbildningar/${e.id}`}>
                    {e.status === 'cancelled' ? `${t(lang, { sv: 'INSTÄLLD', en: 'CANCELLED' })}: ` : ''}
                    <span lang={contentLang(e.language, lang)}>{e.title}</span>
                  </a>
                </h3>
                <p>
                  {whenLabel(e, lang)} · <span class="tag">{topicLabel(config, e.topic, lang)}</span> · {statusLabel(e, lang)}
                </p>
                <p class="muted">
                  {e.status === 'cancelled'
                    ? ''
                    : left > 0
                      ? t(lang, { sv: `${left} lediga platser`, en: `${left} seats left` })
                      : t(lang, { sv: 'Fullbokad – anmälan till väntelista', en: 'Fully booked – waiting list open' })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {props.next ? (
        <p>
          <a href={`/utbildningar?${new URLSearchParams({ ...stringEntries(query), cursor: props.next }).toString()}`}>
            {t(lang, { sv: 'Fler utbildningar', en: 'More trainings' })}
          </a>
        </p>
      ) : null}
      <SubscribeLinks config={config} lang={lang} origin={props.origin} topic={query.topic} organizer={query.organizer} />
    </Layout>
  );
}

function stringEntries(q: Partial<EventQuery>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(q).filter(([k, v]) => typeof v === 'string' && v !== '' && k !== 'cursor' && k !== 'lang'),
  ) as Record<string, string>;
}
