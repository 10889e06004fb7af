import { t, type Lang } from '../../core/i18n.js';
import type { FormError, FormInput } from '../form/input.js';
import { selectable, type ServiceCatalogue } from '../data/service-catalogue.js';
import { describedBy, InlineError, Optional, SelectField } from './parts.js';

const LABEL = { sv: 'Vilken verksamhet gäller det?', en: 'Which service is it about?' };

/**
 * The service question, sized to the directory: a drop-down while the services to offer (those
 * of the chosen municipality, or all) are at most `SELECT_LIMIT`; otherwise a text field for the
 * name, found on the server when the form is sent, with the matches to choose from when a name
 * fits several. Works without JavaScript, and the page stays small with any number of services.
 */
export function ServiceField(props: {
  lang: Lang;
  services: ServiceCatalogue | undefined;
  input: FormInput;
  errors: readonly FormError[];
}) {
  const { lang, services, input, errors } = props;
  if (!services?.size) return null;
  const offered = selectable(services, input.municipality);
  if (offered)
    return (
      <SelectField
        lang={lang}
        field="service"
        label={LABEL}
        options={offered.map((s) => ({ value: s.id, name: s.name }))}
        value={input.service}
        errors={errors}
      />
    );
  const chosen = input.service ? services.byId(input.service) : undefined;
  const typed = chosen?.name ?? input.serviceName;
  const match = typed && !chosen ? services.find(typed, input.municipality) : undefined;
  return (
    <div class={errors.some((e) => e.field === 'service') ? 'field-error' : undefined}>
      <label for="service-name">
        {t(lang, LABEL)}
        <Optional lang={lang} />
      </label>
      <p class="hint" id="service-hint">
        {t(lang, {
          sv: 'Skriv namnet på verksamheten eller en del av det, till exempel Mini-Maria. Välj kommun ovan så blir det lättare att hitta.',
          en: 'Write the name of the service or part of it, for example Mini-Maria. Choose a municipality above to make it easier to find.',
        })}
      </p>
      <InlineError lang={lang} field="service" errors={errors} />
      <input
        type="text"
        id="service-name"
        name="service-name"
        value={typed}
        autocomplete="off"
        aria-describedby={describedBy('service', errors)}
      />
      {match?.kind === 'several' ? (
        <fieldset>
          <legend>{t(lang, { sv: 'Menar du någon av dessa?', en: 'Do you mean one of these?' })}</legend>
          {match.services.map((s, i) => (
            <div class="choice">
              <input type="radio" id={`service-${i}`} name="service" value={s.id} />
              <label for={`service-${i}`}>{s.name}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
