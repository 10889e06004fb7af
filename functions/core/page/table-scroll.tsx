import type { Child } from 'hono/jsx';
import { t, type Lang } from '../i18n.js';

/** Props of `TableScroll`. */
export interface TableScrollProps {
  readonly lang: Lang;
  /** The region's accessible name, usually the table's caption in words. */
  readonly label: string;
  readonly children?: Child;
}

/**
 * A wide table's own horizontal scroll region, so the page itself never scrolls sideways at
 * 320 px (WCAG 1.4.10). The region is focusable so keyboard users can scroll it; shadows at its
 * edges show that more lies to the side, and on narrow screens a hint says so in words.
 *
 * @example
 * <TableScroll lang={lang} label="Utbildningar per ämne och månad"><table>…</table></TableScroll>
 */
export function TableScroll(props: TableScrollProps) {
  return (
    <div class="table-scroll-wrap">
      <p class="scroll-hint" aria-hidden="true">
        {t(props.lang, {
          sv: 'Tabellen är bred: scrolla i sidled för att se allt.',
          en: 'The table is wide: scroll sideways to see it all.',
        })}
      </p>
      <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
        {props.children}
      </div>
    </div>
  );
}
