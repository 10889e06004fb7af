import type { CountyConfig } from '../../core/config/schema.js';
import { SUBSTANCES, TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import { t, type Lang } from '../../core/i18n.js';
import type { ServiceQuery } from '../search/query.js';
import { TEXT } from './labels.js';

function Choice(props: { name: string; value: string; label: string; checked: boolean }) {
  const id = `${props.name}-${props.value}`;
  return (
    <div class="choice">
      <input type="checkbox" id={id} name={props.name} value={props.value} checked={props.checked} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

function filtered(query: Partial<ServiceQuery>): boolean {
  return Boolean(query.targetGroup?.length || query.substance?.length || query.noReferral || query.openNow || query.age !== undefined);
}

/** The search form: plain GET, works without JavaScript; filters as checkboxes and selects. */
export function SearchForm(props: { config: CountyConfig; lang: Lang; query: Partial<ServiceQuery>; openFilters?: boolean }) {
  const { config, lang, query } = props;
  return (
    <form method="get" action="/hitta-stod" role="search">
      <label for="q">{t(lang, TEXT.query)}</label>
      <p class="hint" id="q-hint">
        {t(lang, TEXT.queryHint)}
      </p>
      <input type="search" id="q" name="q" value={query.q ?? ''} aria-describedby="q-hint" autocomplete="off" />
      <label for="municipality">{t(lang, TEXT.municipality)}</label>
      <select id="municipality" name="municipality">
        <option value="">{t(lang, TEXT.allMunicipalities)}</option>
        {config.municipalities.map((m) => (
          <option value={m.code} selected={query.municipality?.includes(m.code)}>
            {m.name}
          </option>
        ))}
      </select>
      <details open={props.openFilters || filtered(query)}>
        <summary>{t(lang, { sv: 'Fler val', en: 'More filters' })}</summary>
        <fieldset>
          <legend>{t(lang, TEXT.targetGroup)}</legend>
          {TARGET_GROUPS.map((g) => (
            <Choice name="targetGroup" value={g.id} label={g[lang]} checked={query.targetGroup?.includes(g.id) ?? false} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t(lang, TEXT.substance)}</legend>
          {SUBSTANCES.map((s) => (
            <Choice name="substance" value={s.id} label={s[lang]} checked={query.substance?.includes(s.id) ?? false} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t(lang, { sv: 'Mer', en: 'More' })}</legend>
          <Choice name="noReferral" value="true" label={t(lang, TEXT.noReferral)} checked={query.noReferral ?? false} />
          <Choice name="openNow" value="true" label={t(lang, TEXT.openNow)} checked={query.openNow ?? false} />
        </fieldset>
        <label for="age">{t(lang, TEXT.age)}</label>
        <input
          type="number"
          id="age"
          name="age"
          min="0"
          max="120"
          inputmode="numeric"
          value={query.age === undefined ? '' : String(query.age)}
        />
      </details>
      <p>
        <button type="submit" class="button">
          {t(lang, TEXT.search)}
        </button>
      </p>
    </form>
  );
}
