import type { IndicatorGoal } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { baselineAimText, type ReleasedFigure } from '../../core/domain/goal-baseline.js';
import { type AgreementGoal, judgeAgreementGoal, meetsGoal } from '../model/goals.js';
import { formatValue } from './format.js';

/** The goal in words: "Mål för 2027: minst 40". */
export function goalText(goal: IndicatorGoal, unit: string, lang: Lang): string {
  const target = formatValue(goal.target, unit, lang);
  return goal.direction === 'at-least'
    ? t(lang, { sv: `Mål för ${goal.year}: minst ${target}`, en: `Goal for ${goal.year}: at least ${target}` })
    : t(lang, { sv: `Mål för ${goal.year}: högst ${target}`, en: `Goal for ${goal.year}: at most ${target}` });
}

/** Whether the latest period meets a goal, in words. */
function verdictText(met: boolean | undefined, period: string, lang: Lang): string {
  return met === undefined
    ? t(lang, {
        sv: `${period} kan inte jämföras med målet: områdets värde visas inte.`,
        en: `${period} cannot be compared with the goal: the area figure is not shown.`,
      })
    : met
      ? t(lang, { sv: `${period} uppfyller målet.`, en: `${period} meets the goal.` })
      : t(lang, { sv: `${period} uppfyller inte målet.`, en: `${period} does not meet the goal.` });
}

/** The area goal beside the latest period's area figure, and whether it is met. */
export function GoalNote(props: { goal: IndicatorGoal; unit: string; lang: Lang; period: string; value: number | null | undefined }) {
  const { goal, unit, lang, period } = props;
  const met = meetsGoal(goal, props.value);
  return (
    <p id="goal" class={met === false ? 'notice warn' : 'notice'}>
      <strong>{goalText(goal, unit, lang)}.</strong> {verdictText(met, period, lang)}
    </p>
  );
}

/**
 * An agreement goal in words: "Mål i överenskommelsen X: öka till minst 40 (Fler SIP)", or for a
 * goal without a target "Mål i överenskommelsen X: ska öka (från 2026-Q1: 12) (Fler SIP)".
 */
export function agreementGoalText(found: AgreementGoal, unit: string, lang: Lang, baseline?: ReleasedFigure): string {
  const { agreement, goal } = found;
  const aim =
    goal.target === undefined
      ? t(
          lang,
          baselineAimText(goal.direction, goal, baseline, agreement.from, (v) => ({
            sv: formatValue(v, unit, 'sv'),
            en: formatValue(v, unit, 'en'),
          })),
        )
      : t(lang, DIRECTION_TEXT[goal.direction](formatValue(goal.target, unit, lang)));
  return t(lang, {
    sv: `Mål i överenskommelsen ${agreement.title}: ${aim} (${goal.text})`,
    en: `Goal in the agreement ${agreement.title}: ${aim} (${goal.text})`,
  });
}

const DIRECTION_TEXT: Record<AgreementGoal['goal']['direction'], (target: string) => { sv: string; en: string }> = {
  increase: (target) => ({ sv: `öka till minst ${target}`, en: `increase to at least ${target}` }),
  decrease: (target) => ({ sv: `minska till högst ${target}`, en: `decrease to at most ${target}` }),
  maintain: (target) => ({ sv: `bibehålla minst ${target}`, en: `maintain at least ${target}` }),
};

/** Why a goal without a target cannot be judged yet, in words. */
function baselineVerdictText(baseline: ReleasedFigure | undefined, period: string, lang: Lang): string | undefined {
  if (!baseline)
    return t(lang, {
      sv: `${period} kan inte jämföras med målet: utgångsvärdet är inte publicerat.`,
      en: `${period} cannot be compared with the goal: the baseline is not released.`,
    });
  if (baseline.period >= period)
    return t(lang, {
      sv: `Målet kan bedömas först när en period efter ${baseline.period} är publicerad.`,
      en: `The goal can be judged once a period after ${baseline.period} is released.`,
    });
  if (baseline.value === null)
    return t(lang, {
      sv: `${period} kan inte jämföras med målet: utgångsvärdet visas inte.`,
      en: `${period} cannot be compared with the goal: the baseline figure is not shown.`,
    });
  return undefined;
}

/**
 * The goals of the agreements in force that name the indicator, each beside the latest area figure:
 * a goal with a target against the target, one without against its baseline among `figures` (the
 * released area figures, oldest first, as published).
 */
export function AgreementGoalNotes(props: {
  goals: readonly AgreementGoal[];
  unit: string;
  lang: Lang;
  figures: readonly ReleasedFigure[];
}) {
  const { goals, unit, lang, figures } = props;
  const latest = figures.at(-1);
  if (goals.length === 0 || !latest) return null;
  return (
    <ul id="agreement-goals" class="plain">
      {goals.map((found) => {
        const { met, baseline } = judgeAgreementGoal(found, figures);
        const why = met === undefined && found.goal.target === undefined ? baselineVerdictText(baseline, latest.period, lang) : undefined;
        return (
          <li class={met === false ? 'notice warn' : 'notice'} data-agreement={found.agreement.id}>
            <strong>{agreementGoalText(found, unit, lang, baseline)}.</strong> {why ?? verdictText(met, latest.period, lang)}
          </li>
        );
      })}
    </ul>
  );
}
