import { t, type Lang } from '../../core/i18n.js';
import type { FormError, FormInput } from '../form/input.js';
import { describedBy, InlineError, Optional } from './parts.js';

/** "Do you want an answer?": contact details only with an explicit consent. */
export function ContactFields(props: { lang: Lang; input: FormInput; errors: readonly FormError[]; contactDays: number }) {
  const { lang, input, errors } = props;
  const has = (field: string) => errors.some((e) => e.field === field);
  return (
    <fieldset>
      <legend>
        {t(lang, { sv: 'Vill du ha svar?', en: 'Would you like an answer?' })}
        <Optional lang={lang} />
      </legend>
      <p class="hint">
        {t(lang, {
          sv: 'Du är anonym om du lämnar detta tomt. Vill du ha svar kan du skriva din e-post eller ditt telefonnummer.',
          en: 'You stay anonymous if you leave this empty. If you want an answer, enter your e-mail or phone number.',
        })}
      </p>
      <div class={has('contact') ? 'field-error' : undefined}>
        <label for="contact">{t(lang, { sv: 'E-post eller telefonnummer', en: 'E-mail or phone number' })}</label>
        <p class="hint" id="contact-hint">
          {t(lang, { sv: 'Till exempel namn@exempel.se eller 070-123 45 67', en: 'For example name@example.com or 070-123 45 67' })}
        </p>
        <InlineError lang={lang} field="contact" errors={errors} />
        <input
          type="text"
          id="contact"
          name="contact"
          value={input.contact}
          autocomplete="email"
          aria-describedby={describedBy('contact', errors)}
        />
      </div>
      <div class={has('consent') ? 'field-error' : undefined}>
        <InlineError lang={lang} field="consent" errors={errors} />
        <div class="choice">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            checked={input.consent}
            aria-describedby={describedBy('consent', errors)}
          />
          <label for="consent">
            {t(lang, {
              sv: 'Jag vill ha svar och samtycker till att ni sparar min kontaktuppgift för att svara mig.',
              en: 'I want an answer and agree that you keep my contact details to answer me.',
            })}
          </label>
        </div>
        <p class="hint" id="consent-hint">
          {t(lang, {
            sv: `Kontaktuppgiften sparas skild från din synpunkt och raderas när vi har svarat, senast efter ${props.contactDays} dagar.`,
            en: `Your contact details are kept apart from your feedback and deleted once we have answered, at the latest after ${props.contactDays} days.`,
          })}
        </p>
      </div>
    </fieldset>
  );
}

/** The honeypot: off-screen, hidden from assistive technology and out of the tab order. */
export function Honeypot() {
  return (
    <div class="offscreen" aria-hidden="true">
      <label for="webbplats">Lämna tomt</label>
      <input type="text" id="webbplats" name="webbplats" value="" tabindex={-1} autocomplete="off" />
    </div>
  );
}
