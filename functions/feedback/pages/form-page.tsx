import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { RATINGS, WRITERS } from '../categories.js';
import { CHARACTER_COUNT_PATH } from './paths.js';
import type { FormError, FormInput } from '../form/input.js';
import type { ServiceCatalogue } from '../data/service-catalogue.js';
import { ContactFields, Honeypot } from './contact-fields.js';
import { Choices, describedBy, ErrorSummary, InlineError, Notice, Optional, SelectField } from './parts.js';
import { ServiceField } from './service-field.js';

/** Props of `FormPage`. */
export interface FormPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly categories: readonly Term[];
  readonly services: ServiceCatalogue | undefined;
  readonly input: FormInput;
  readonly token: string;
  readonly errors: readonly FormError[];
  readonly notice?: Text;
}

/** The public feedback form, also re-rendered with errors and with everything typed kept. */
export function FormPage(props: FormPageProps) {
  const { lang, input, errors, config } = props;
  const max = config.feedback.maxTextLength;
  const title = t(lang, { sv: 'Tyck till', en: 'Have your say' });
  const has = (field: string) => errors.some((e) => e.field === field);
  return (
    <Layout
      config={config}
      lang={lang}
      title={errors.length ? `${t(lang, { sv: 'Fel', en: 'Error' })}: ${title}` : title}
      path="/tyck-till"
      current="feedback"
      nonce={props.nonce}
      head={<script src={CHARACTER_COUNT_PATH} defer />}
    >
      <ErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <Notice lang={lang} text={props.notice} />
      <div class="lead">
        <p>
          {t(lang, {
            sv: 'Här kan du berätta vad du tycker om stöd och vård vid missbruk och beroende.',
            en: 'Here you can tell us what you think of support and care for substance use and addiction.',
          })}
        </p>
        <p>
          {t(lang, {
            sv: 'Du behöver inte skriva ditt namn. Vi vet inte vem du är.',
            en: 'You do not need to give your name. We do not know who you are.',
          })}
        </p>
        <p>
          {t(lang, {
            sv: 'Brukarrådet läser det du skriver. Det hjälper oss att bli bättre.',
            en: 'The user council reads what you write. It helps us get better.',
          })}
        </p>
      </div>
      <p class="muted">
        {t(lang, {
          sv: 'Behöver du hjälp nu? Ring 1177. Vid fara för liv, ring 112.',
          en: 'Need help now? Call 1177. If a life is in danger, call 112.',
        })}
      </p>
      <form method="post" action={`/tyck-till${lang === 'en' ? '?lang=en' : ''}`} novalidate>
        <input type="hidden" name="token" value={props.token} />
        {input.personalDataShown || has('text-personal') ? <input type="hidden" name="pd" value="shown" /> : null}
        <fieldset class={has('writer') ? 'field-error' : undefined}>
          <legend>
            {t(lang, { sv: 'Vem är du?', en: 'Who are you?' })}
            <Optional lang={lang} />
          </legend>
          <InlineError lang={lang} field="writer" errors={errors} />
          <Choices lang={lang} name="writer" type="radio" options={WRITERS} checked={(id) => input.writer === id} errors={errors} />
        </fieldset>
        <fieldset class={has('malbild') ? 'field-error' : undefined} aria-describedby={describedBy('malbild', errors)}>
          <legend>{t(lang, { sv: 'Vad handlar din synpunkt om?', en: 'What is your feedback about?' })}</legend>
          <p class="hint" id="malbild-hint">
            {t(lang, { sv: 'Välj ett eller flera områden.', en: 'Choose one or more areas.' })}
          </p>
          <InlineError lang={lang} field="malbild" errors={errors} />
          <Choices
            lang={lang}
            name="malbild"
            type="checkbox"
            options={props.categories}
            checked={(id) => input.categories.includes(id)}
            errors={errors}
          />
        </fieldset>
        <SelectField
          lang={lang}
          field="municipality"
          label={{ sv: 'Vilken kommun gäller det?', en: 'Which municipality is it about?' }}
          options={config.municipalities.map((m) => ({ value: m.code, name: m.name }))}
          value={input.municipality}
          errors={errors}
        />
        <ServiceField lang={lang} services={props.services} input={input} errors={errors} />
        <div class={has('text') || has('text-personal') ? 'field-error' : undefined}>
          <label for="text">{t(lang, { sv: 'Din synpunkt', en: 'Your feedback' })}</label>
          <p class="hint" id="text-hint">
            {t(lang, {
              sv: `Du kan skriva upp till ${max} tecken. Skriv inte namn, personnummer, telefonnummer eller e-post.`,
              en: `You can write up to ${max} characters. Do not write names, personal identity numbers, phone numbers or e-mail addresses.`,
            })}
          </p>
          <InlineError lang={lang} field="text" errors={errors} />
          <InlineError lang={lang} field="text-personal" errors={errors} />
          <textarea
            id="text"
            name="text"
            data-max={String(max)}
            rows={8}
            aria-describedby={[describedBy('text', errors), has('text-personal') ? 'text-personal-error' : ''].filter(Boolean).join(' ')}
          >
            {input.text}
          </textarea>
        </div>
        <fieldset class={has('rating') ? 'field-error' : undefined}>
          <legend>
            {t(lang, { sv: 'Hur nöjd är du med stödet och vården?', en: 'How satisfied are you with the support and care?' })}
            <Optional lang={lang} />
          </legend>
          <InlineError lang={lang} field="rating" errors={errors} />
          <Choices lang={lang} name="rating" type="radio" options={RATINGS} checked={(id) => input.rating === id} errors={errors} />
        </fieldset>
        <ContactFields lang={lang} input={input} errors={errors} contactDays={config.retention.contactDays} />
        <Honeypot />
        <button type="submit" name="action" value="review">
          {t(lang, { sv: 'Granska och skicka', en: 'Review and send' })}
        </button>
      </form>
    </Layout>
  );
}
