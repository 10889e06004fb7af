import type { Lang } from '../../core/i18n.js';
import { TableScroll } from '../../core/page/table-scroll.js';

/** A column header: its text and, where a test or a link needs one, an id. */
export type Header = string | { readonly text: string; readonly id: string };

/** A captioned data table in a focusable scroll region named by the caption; `children` are the body rows. */
export function DataTable(props: { lang: Lang; caption: string; headers: readonly Header[]; children?: unknown }) {
  return (
    <TableScroll lang={props.lang} label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h) =>
              typeof h === 'string' ? (
                <th scope="col">{h}</th>
              ) : (
                <th scope="col" id={h.id}>
                  {h.text}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </TableScroll>
  );
}

/** A section of an indicator page: a heading, a sentence on how the figures are formed, and its table. */
export function FigureSection(props: { id: string; heading: string; intro: string; children?: unknown }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <p>{props.intro}</p>
      {props.children}
    </section>
  );
}
