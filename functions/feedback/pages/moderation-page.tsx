import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { formatDateTime, t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import type { ModeratedSubmission } from '../moderation/list.js';
import { STATUSES } from '../moderation/state.js';
import { Notice } from './parts.js';
import { MODERATION_PATH as PATH } from './paths.js';

const STATUS_TEXT: Record<string, Text> = {
  new: { sv: 'Ny', en: 'New' },
  reviewed: { sv: 'Granskad', en: 'Reviewed' },
  published: { sv: 'Publicerad', en: 'Published' },
  hidden: { sv: 'Dold', en: 'Hidden' },
};

/** Props of `ModerationPage`. */
export interface ModerationPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
  readonly categories: readonly Term[];
  readonly items: readonly (ModeratedSubmission & { etag: string })[];
  readonly filter: Readonly<Record<string, string>>;
  readonly next?: string;
  readonly notice?: Text;
}

/** The moderators' staff section. */

/**
 * The moderators' queue: filter, then per submission (possible crises first) approve, reject, or
 * save status, theme tags and a quote; who changed it last and when.
 */
export function ModerationPage(props: ModerationPageProps) {
  const { lang, config } = props;
  const title = t(lang, { sv: 'Moderering av synpunkter', en: 'Moderating feedback' });
  const label = (id: string) => t(lang, props.categories.find((c) => c.id === id) ?? { sv: id, en: id });
  return (
    <Layout config={config} lang={lang} title={title} path={PATH} current="feedback" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <h1>{title}</h1>
      <Notice lang={lang} text={props.notice} />
      <form method="get" action={PATH}>
        <label for="f-malbild">{t(lang, { sv: 'Målbild', en: 'Vision' })}</label>
        <select id="f-malbild" name="malbild">
          <option value="">{t(lang, { sv: 'Alla', en: 'All' })}</option>
          {props.categories.map((c) => (
            <option value={c.id} selected={props.filter.malbild === c.id}>
              {t(lang, c)}
            </option>
          ))}
        </select>
        <label for="f-municipality">{t(lang, { sv: 'Kommun', en: 'Municipality' })}</label>
        <select id="f-municipality" name="municipality">
          <option value="">{t(lang, { sv: 'Alla', en: 'All' })}</option>
          {config.municipalities.map((m) => (
            <option value={m.code} selected={props.filter.municipality === m.code}>
              {m.name}
            </option>
          ))}
        </select>
        <label for="f-period">{t(lang, { sv: 'Kvartal, t.ex. 2026-Q4', en: 'Quarter, e.g. 2026-Q4' })}</label>
        <input type="text" id="f-period" name="period" value={props.filter.period ?? ''} />
        <label for="f-status">{t(lang, { sv: 'Status', en: 'Status' })}</label>
        <select id="f-status" name="status">
          <option value="">{t(lang, { sv: 'Alla', en: 'All' })}</option>
          {STATUSES.map((s) => (
            <option value={s} selected={props.filter.status === s}>
              {t(lang, STATUS_TEXT[s] ?? { sv: s, en: s })}
            </option>
          ))}
        </select>
        <p>
          <button type="submit" class="secondary">
            {t(lang, { sv: 'Filtrera', en: 'Filter' })}
          </button>
        </p>
      </form>
      {props.items.length === 0 ? <p>{t(lang, { sv: 'Inga synpunkter matchar.', en: 'No feedback matches.' })}</p> : null}
      {props.items.map((s) => (
        <section class="card" aria-labelledby={`h-${s.id}`}>
          <h2 id={`h-${s.id}`}>
            {formatDateTime(s.receivedAt, lang)} – {t(lang, STATUS_TEXT[s.moderation.status] ?? STATUS_TEXT.new ?? { sv: '', en: '' })}
          </h2>
          <p>
            {s.categories.map((c) => (
              <span class="tag">{label(c)}</span>
            ))}
            {s.municipality ? <span class="tag">{config.municipalities.find((m) => m.code === s.municipality)?.name}</span> : null}
            {s.flags?.includes('crisis') ? (
              <span class="tag warn">{t(lang, { sv: 'Kan vara i kris – läs först', en: 'May be in crisis – read first' })}</span>
            ) : null}
            {s.hasContact ? <span class="tag warn">{t(lang, { sv: 'Vill ha svar', en: 'Wants an answer' })}</span> : null}
          </p>
          <blockquote>{s.text}</blockquote>
          <form method="post" action={`${PATH}/${s.id}`}>
            <input type="hidden" name="etag" value={s.etag} />
            <label for={`status-${s.id}`}>{t(lang, { sv: 'Status', en: 'Status' })}</label>
            <select id={`status-${s.id}`} name="status">
              {STATUSES.map((st) => (
                <option value={st} selected={s.moderation.status === st}>
                  {t(lang, STATUS_TEXT[st] ?? { sv: st, en: st })}
                </option>
              ))}
            </select>
            <label for={`tags-${s.id}`}>{t(lang, { sv: 'Teman (skilj med komma)', en: 'Themes (separate with commas)' })}</label>
            <input type="text" id={`tags-${s.id}`} name="tags" value={s.moderation.tags.join(', ')} />
            <label for={`quote-${s.id}`}>
              {t(lang, { sv: 'Citat till brukarrådet (ord ur texten)', en: 'Quote for the user council (words of the text)' })}
            </label>
            <p class="hint" id={`quote-hint-${s.id}`}>
              {t(lang, {
                sv: 'Personuppgifter i citatet tas bort (maskeras) när det sparas. Bara citat visas för allmänheten, aldrig hela texten.',
                en: 'Personal data in the quote is redacted when it is saved. Only quotes are shown to the public, never the whole text.',
              })}
            </p>
            <textarea id={`quote-${s.id}`} name="quote" rows={3} aria-describedby={`quote-hint-${s.id}`}>
              {s.moderation.quote ?? ''}
            </textarea>
            <p>
              <button type="submit" name="action" value="approve">
                {t(lang, { sv: 'Godkänn och publicera', en: 'Approve and publish' })}
              </button>{' '}
              <button type="submit" name="action" value="reject" class="secondary">
                {t(lang, { sv: 'Avvisa och dölj', en: 'Reject and hide' })}
              </button>{' '}
              <button type="submit" name="action" value="save" class="secondary">
                {t(lang, { sv: 'Spara status, teman och citat', en: 'Save status, themes and quote' })}
              </button>
            </p>
          </form>
          {s.moderation.updatedAt ? (
            <p class="muted">
              {t(lang, { sv: 'Senast ändrad', en: 'Last changed' })} {formatDateTime(s.moderation.updatedAt, lang)}{' '}
              {t(lang, { sv: 'av', en: 'by' })} {s.moderation.updatedBy ?? '–'}
            </p>
          ) : null}
        </section>
      ))}
      {props.next ? (
        <p>
          <a href={`${PATH}?${new URLSearchParams({ ...props.filter, cursor: props.next })}`}>
            {t(lang, { sv: 'Nästa sida', en: 'Next page' })}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
