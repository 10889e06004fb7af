import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { METHOD_TEXT } from '../csv/columns.js';
import { organisationName } from '../csv/export.js';
import { TOTAL, type Category, type Dimension } from '../model/cells.js';
import { definitionLines } from '../model/definition.js';
import type { IndicatorTable } from '../query/types.js';
import { BarChart, TrendChart, type Datum } from './chart.js';
import type { Published } from '../release/types.js';
import { ReleaseNote } from './release-note.js';
import { ResidenceTable } from './residence.js';
import type { ReleasedFigure } from '../../core/domain/goal-baseline.js';
import { type AgreementGoal, goalFor } from '../model/goals.js';
import { agreementGoalText, AgreementGoalNotes, GoalNote, goalText } from './goal.js';
import { AreaTable, OrgTable, PartsTable } from './tables.js';
import { cellText, coverageText, SYMBOLS } from './format.js';

interface Props {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly table: IndicatorTable;
  readonly period?: string;
  readonly categories: Record<Dimension, readonly Category[]>;
  readonly published: Published;
  /** The goals of the directory's agreements in force that name this indicator. */
  readonly agreementGoals?: readonly AgreementGoal[];
  /** National statistics (Kolada), shown beside the area's own figures when the indicator is mapped. */
}

/** One indicator: text summary, trend over periods and comparison per organisation, each chart with its data table. */
export function IndicatorPage({ config, lang, table, period, categories, published, agreementGoals = [] }: Props) {
  const def = table.indicator;
  const chosen = period && table.periods.includes(period) ? period : table.periods.at(-1);
  const trend: Datum[] = table.area.map((a) => ({
    label: a.period,
    value: a.cells[TOTAL]?.value ?? null,
    text: cellText(a.cells[TOTAL], def.unit, lang),
  }));
  const rows = table.rows.filter((r) => r.period === chosen);
  const bars: Datum[] = rows.map((r) => ({
    label: organisationName(config, r.organization, lang),
    value: r.cells[TOTAL]?.value ?? null,
    text: cellText(r.cells[TOTAL] ?? { value: null, status: r.status }, def.unit, lang),
  }));
  const area = table.area.find((a) => a.period === chosen);
  const latest = table.area.at(-1);
  const goal = latest ? goalFor(config.indicators.goals, def.id, latest.period) : undefined;
  // the area's released figures as published (hidden: null), against which goals without a target are judged
  const released: ReleasedFigure[] = table.area.map((a) => ({ period: a.period, value: a.cells[TOTAL]?.value ?? null }));
  // the trend's goal line is drawn only for a goal with a target: a direction alone has no level to draw
  const targeted = agreementGoals.find((g) => g.goal.target !== undefined);
  const method = t(lang, METHOD_TEXT[def.aggregate] ?? { sv: def.aggregate, en: def.aggregate });
  const shown = trend.filter((d) => d.value !== null);
  const summary = !table.available
    ? t(lang, {
        sv: 'Ännu inte tillgänglig: tjänsten som uppgiften hämtas från har inga data än. Det betyder inte noll.',
        en: 'Not yet available: the service this figure comes from has no data yet. This does not mean zero.',
      })
    : !chosen
      ? t(lang, { sv: 'Inga uppgifter publicerade än.', en: 'Nothing released yet.' })
      : t(lang, {
          sv: `${chosen} var värdet för hela området ${cellText(area?.cells[TOTAL], def.unit, lang)} (${method}). ${coverageText(area?.coverage, lang)}.${shown.length > 1 ? ` Från ${shown[0]?.label} (${shown[0]?.text}) till ${shown.at(-1)?.label} (${shown.at(-1)?.text}).` : ''}`,
          en: `In ${chosen} the figure for the whole area was ${cellText(area?.cells[TOTAL], def.unit, lang)} (${method}). ${coverageText(area?.coverage, lang)}.${shown.length > 1 ? ` From ${shown[0]?.label} (${shown[0]?.text}) to ${shown.at(-1)?.label} (${shown.at(-1)?.text}).` : ''}`,
        });
  const colour = config.branding.colour;
  return (
    <>
      <p>
        <a href={`/uppfoljning${lang === 'en' ? '?lang=en' : ''}`}>{t(lang, { sv: '← Alla indikatorer', en: '← All indicators' })}</a>
      </p>
      <h1>{t(lang, def)}</h1>
      {def.descriptionSv ? <p class="lead">{lang === 'sv' ? def.descriptionSv : (def.descriptionEn ?? def.descriptionSv)}</p> : null}
      <p id="summary">{summary}</p>
      {area?.overlap?.length ? <OverlapNote config={config} lang={lang} overlap={area.overlap} /> : null}
      {goal && latest ? (
        <GoalNote goal={goal} unit={def.unit} lang={lang} period={latest.period} value={latest.cells[TOTAL]?.value} />
      ) : null}
      <AgreementGoalNotes goals={agreementGoals} unit={def.unit} lang={lang} figures={released} />
      <section id="definition" aria-labelledby="definition-heading">
        <h2 id="definition-heading">{t(lang, { sv: 'Definition', en: 'Definition' })}</h2>
        <dl>
          {definitionLines(def, lang).map((line) => (
            <>
              <dt>{line.label}</dt>
              <dd id={`definition-${line.key}`}>{line.text}</dd>
            </>
          ))}
        </dl>
        <p>
          <a href={`/api/indicators/definitions.csv${lang === 'en' ? '?locale=en' : ''}`}>
            {t(lang, { sv: 'Alla definitioner som CSV för Excel', en: 'All definitions as CSV' })}
          </a>
        </p>
      </section>
      <ReleaseNote published={published} period={chosen} lang={lang} />
      <p class="hint">{t(lang, SYMBOLS)}</p>
      {table.periods.length > 1 ? (
        <form method="get" action={`/uppfoljning/${def.id}`}>
          {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
          <label for="period">{t(lang, { sv: 'Period', en: 'Period' })}</label>{' '}
          <select id="period" name="period">
            {table.periods.map((p) => (
              <option value={p} selected={p === chosen}>
                {p}
              </option>
            ))}
          </select>{' '}
          <button class="button secondary" type="submit">
            {t(lang, { sv: 'Visa', en: 'Show' })}
          </button>
        </form>
      ) : null}
      {chosen ? (
        <>
          <h2>{t(lang, { sv: 'Utveckling över tid, hela området', en: 'Over time, whole area' })}</h2>
          <TrendChart
            id="trend"
            title={t(lang, { sv: `${t(lang, def)}: utveckling över tid`, en: `${t(lang, def)}: over time` })}
            description={summary}
            data={trend}
            unit={def.unit}
            lang={lang}
            colour={colour}
            goal={
              goal
                ? { value: goal.target, label: goalText(goal, def.unit, lang) }
                : targeted?.goal.target !== undefined
                  ? { value: targeted.goal.target, label: agreementGoalText(targeted, def.unit, lang) }
                  : undefined
            }
          />
          <AreaTable table={table} lang={lang} />
          <h2>{t(lang, { sv: `Per organisation, ${chosen}`, en: `Per organisation, ${chosen}` })}</h2>
          <BarChart
            id="compare"
            title={t(lang, { sv: `${t(lang, def)} per organisation ${chosen}`, en: `${t(lang, def)} per organisation ${chosen}` })}
            description={summary}
            data={bars}
            unit={def.unit}
            lang={lang}
            colour={colour}
          />
          <TableScroll lang={lang} label={t(lang, { sv: `Per organisation ${chosen}`, en: `Per organisation ${chosen}` })}>
            <OrgTable config={config} lang={lang} table={table} period={chosen} categories={categories} />
          </TableScroll>
          <PartsTable config={config} lang={lang} table={table} period={chosen} categories={categories} />
          <ResidenceTable config={config} lang={lang} table={table} period={chosen} />
          <p>
            <a href={`/api/indicators/export.csv?indicator=${def.id}`}>
              {t(lang, { sv: 'Ladda ner som CSV för Excel', en: 'Download as CSV for Excel' })}
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}

/** Said beside an area figure that may count joint cases twice: reports stored under an older counting rule. */
function OverlapNote(props: { config: CountyConfig; lang: Lang; overlap: readonly string[] }) {
  const names = props.overlap.map((o) => organisationName(props.config, o, props.lang)).join(', ');
  return (
    <p class="notice warn" id="overlap">
      {t(props.lang, {
        sv: `Obs: ${names} rapporterade enligt en äldre räkneregel, och både kommun och region har rapporterat. Områdets summa kan därför räkna samma gemensamma fall (till exempel samma SIP) två gånger; den är inte rättad.`,
        en: `Note: ${names} reported under an older counting rule, and both municipality and region have reported. The area total may therefore count the same joint case (such as the same SIP) twice; it has not been corrected.`,
      })}
    </p>
  );
}
