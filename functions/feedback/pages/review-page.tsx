import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { RATINGS, WRITERS } from '../categories.js';
import type { FormInput } from '../form/input.js';
import { redact } from '../guard/personal-data.js';
import type { ServiceCatalogue } from '../data/service-catalogue.js';
import { Honeypot } from './contact-fields.js';

/** Props of `ReviewPage`. */
export interface ReviewPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly categories: readonly Term[];
  readonly services: ServiceCatalogue | undefined;
  readonly input: FormInput;
}

/** The fields of the form again, hidden, so "Ändra" and "Skicka" post the same answers. */
function Carry(props: { input: FormInput }) {
  const i = props.input;
  const pairs: [string, string][] = [
    ['token', i.token],
    ['writer', i.writer],
    ...i.categories.map((c): [string, string] => ['malbild', c]),
    ['municipality', i.municipality],
    ['service', i.service],
    ['text', i.text],
    ['rating', i.rating],
    ['contact', i.contact],
    ['consent', i.consent ? 'yes' : ''],
    ['pd', i.personalDataShown ? 'shown' : ''],
  ];
  return pairs.filter(([, v]) => v !== '').map(([name, value]) => <input type="hidden" name={name} value={value} />);
}

/** "Granska och skicka": what will be stored, with personal data already removed from the text. */
export function ReviewPage(props: ReviewPageProps) {
  const { lang, input, config } = props;
  const none = t(lang, { sv: 'Inte angivet', en: 'Not given' });
  const label = (list: readonly Term[], id: string) => {
    const term = list.find((x) => x.id === id);
    return term ? t(lang, term) : none;
  };
  const redacted = redact(input.text);
  const removed = Object.values(redacted.counts).reduce((a, b) => a + (b ?? 0), 0);
  const rows: [string, string][] = [
    [t(lang, { sv: 'Vem är du?', en: 'Who are you?' }), label(WRITERS, input.writer)],
    [t(lang, { sv: 'Område', en: 'Area' }), input.categories.map((c) => label(props.categories, c)).join('; ')],
    [t(lang, { sv: 'Kommun', en: 'Municipality' }), config.municipalities.find((m) => m.code === input.municipality)?.name ?? none],
    [t(lang, { sv: 'Verksamhet', en: 'Service' }), (input.service && props.services?.byId(input.service)?.name) || none],
    [t(lang, { sv: 'Betyg', en: 'Rating' }), label(RATINGS, input.rating)],
    [
      t(lang, { sv: 'Svar till', en: 'Answer to' }),
      input.contact || t(lang, { sv: 'Inget svar, du är anonym', en: 'No answer, you are anonymous' }),
    ],
  ];
  const title = t(lang, { sv: 'Granska och skicka', en: 'Review and send' });
  return (
    <Layout config={config} lang={lang} title={title} path="/tyck-till" current="feedback" nonce={props.nonce}>
      <h1>{title}</h1>
      <p>{t(lang, { sv: 'Kontrollera det du har skrivit innan du skickar.', en: 'Check what you have written before you send it.' })}</p>
      <dl>
        {rows.map(([k, v]) => (
          <>
            <dt>
              <strong>{k}</strong>
            </dt>
            <dd>{v}</dd>
          </>
        ))}
        <dt>
          <strong>{t(lang, { sv: 'Din synpunkt, så som den sparas', en: 'Your feedback, as it will be stored' })}</strong>
        </dt>
        <dd class="notice">{redacted.text}</dd>
      </dl>
      {removed > 0 ? (
        <p class="notice">
          {t(lang, {
            sv: 'Vi tar bort personnummer, telefonnummer och e-postadresser ur texten innan den sparas. Du ser ovan vad som tas bort.',
            en: 'We remove personal identity numbers, phone numbers and e-mail addresses from the text before it is stored. You can see above what is removed.',
          })}
        </p>
      ) : null}
      <form method="post" action={`/tyck-till${lang === 'en' ? '?lang=en' : ''}`} novalidate>
        <Carry input={input} />
        <Honeypot />
        <p>
          <button type="submit" name="action" value="send">
            {t(lang, { sv: 'Skicka', en: 'Send' })}
          </button>{' '}
          <button type="submit" name="action" value="edit" class="secondary">
            {t(lang, { sv: 'Ändra', en: 'Change' })}
          </button>
        </p>
      </form>
    </Layout>
  );
}
