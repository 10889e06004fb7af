import type { IndicatorGoal } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { type AgreementGoal, meetsAgreementGoal, meetsGoal } from '../model/goals.js';
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

/** An agreement goal in words: "Mål i överenskommelsen X: öka till minst 40 (Fler SIP)". */
export function agreementGoalText(found: AgreementGoal, unit: string, lang: Lang): string {
  const { agreement, goal } = found;
  const target = formatValue(goal.target, unit, lang);
  const aim = t(lang, DIRECTION_TEXT[goal.direction](target));
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

/** The goals of the agreements in force that name the indicator, each beside the latest area figure. */
export function AgreementGoalNotes(props: {
  goals: readonly AgreementGoal[];
  unit: string;
  lang: Lang;
  period: string;
  value: number | null | undefined;
}) {
  const { goals, unit, lang, period } = props;
  if (goals.length === 0) return null;
  return (
    <ul id="agreement-goals" class="plain">
      {goals.map((found) => {
        const met = meetsAgreementGoal(found.goal, props.value);
        return (
          <li class={met === false ? 'notice warn' : 'notice'} data-agreement={found.agreement.id}>
            <strong>{agreementGoalText(found, unit, lang)}.</strong> {verdictText(met, period, lang)}
          </li>
        );
      })}
    </ul>
  );
}
