import type { IndicatorGoal } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { meetsGoal } from '../model/goals.js';
import { formatValue } from './format.js';

/** The goal in words: "Mål för 2027: minst 40". */
export function goalText(goal: IndicatorGoal, unit: string, lang: Lang): string {
  const target = formatValue(goal.target, unit, lang);
  return goal.direction === 'at-least'
    ? t(lang, { sv: `Mål för ${goal.year}: minst ${target}`, en: `Goal for ${goal.year}: at least ${target}` })
    : t(lang, { sv: `Mål för ${goal.year}: högst ${target}`, en: `Goal for ${goal.year}: at most ${target}` });
}

/** The area goal beside the latest period's area figure, and whether it is met. */
export function GoalNote(props: { goal: IndicatorGoal; unit: string; lang: Lang; period: string; value: number | null | undefined }) {
  const { goal, unit, lang, period } = props;
  const met = meetsGoal(goal, props.value);
  const verdict =
    met === undefined
      ? t(lang, {
          sv: `${period} kan inte jämföras med målet: områdets värde visas inte.`,
          en: `${period} cannot be compared with the goal: the area figure is not shown.`,
        })
      : met
        ? t(lang, { sv: `${period} uppfyller målet.`, en: `${period} meets the goal.` })
        : t(lang, { sv: `${period} uppfyller inte målet.`, en: `${period} does not meet the goal.` });
  return (
    <p id="goal" class={met === false ? 'notice warn' : 'notice'}>
      <strong>{goalText(goal, unit, lang)}.</strong> {verdict}
    </p>
  );
}
