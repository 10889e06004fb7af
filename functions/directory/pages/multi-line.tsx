/**
 * Multi-line text as typed: blank lines separate paragraphs, a single line break stays a `<br>`.
 *
 * @example
 * <MultiLine text={'Första raden.\nAndra raden.\n\nNytt stycke.'} class="lead" />
 */
export function MultiLine(props: { readonly text: string; readonly class?: string }) {
  const paragraphs = props.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p class={props.class}>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
