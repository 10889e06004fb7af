import type { Lang } from '../../core/i18n.js';
import { formatValue } from './format.js';

/** One bar or point: a label and a value, or `null` with the text shown instead. */
export interface Datum {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
}

interface ChartProps {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly data: readonly Datum[];
  readonly unit: string;
  readonly lang: Lang;
  readonly colour: string;
  /** A goal line across the trend (the area goal from config, else an agreement's), with its label. */
  readonly goal?: { readonly value: number; readonly label: string };
}

const INK = '#1a1a1a';
const GRID = '#767676';

/** The accessible SVG frame shared by both charts: an image named by its title and description. */
function Frame(props: { id: string; title: string; description: string; width: number; height: number; children?: unknown }) {
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${props.width} ${props.height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      focusable="false"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

const maxOf = (data: readonly Datum[]) => Math.max(1, ...data.map((d) => d.value ?? 0));

/** Width of every chart's coordinate system: small, so labels stay readable when a phone scales it down. */
const WIDTH = 360;
/** A rough width of one character at `size`, enough to keep text inside the frame. */
const charWidth = (size: number) => size * 0.58;

/**
 * Split a label into at most `lines` lines of at most `max` characters at spaces; a longer label
 * ends in "…" (the full text is in the table beside the chart and in the label's tooltip).
 */
export function wrapLabel(label: string, max: number, lines = 2): { lines: string[]; truncated: boolean } {
  const out: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (joined.length <= max) line = joined;
    else {
      if (line) out.push(line);
      line = word;
    }
    while (line.length > max) {
      out.push(line.slice(0, max - 1) + '-');
      line = line.slice(max - 1);
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return { lines: out, truncated: false };
  const kept = out.slice(0, lines);
  const last = kept[lines - 1] ?? '';
  kept[lines - 1] = `${last.slice(0, max - 1).replace(/[\s-]+$/, '')}…`;
  return { lines: kept, truncated: true };
}

/**
 * A horizontal bar chart as server-rendered SVG (no script, no style attributes). Each label sits
 * on its own line(s) above its bar, so long organisation names need no margin beside the bars.
 * Missing and suppressed values draw no bar and show their symbol. The chart is an image with a
 * title and description; the data table beside it carries the same figures for screen readers.
 */
export function BarChart(props: ChartProps) {
  const size = 15;
  const lineHeight = 19;
  const bar = 16;
  const maxChars = Math.floor((WIDTH - 4) / charWidth(size));
  const valueSpace = Math.ceil(Math.max(2, ...props.data.map((d) => d.text.length)) * charWidth(size)) + 10;
  const plot = WIDTH - valueSpace;
  const max = maxOf(props.data);
  let y = 4;
  const rows = props.data.map((d) => {
    const label = wrapLabel(d.label, maxChars);
    const top = y;
    const barTop = top + label.lines.length * lineHeight + 4;
    y = barTop + bar + 14;
    return { d, label, top, barTop };
  });
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={WIDTH} height={y}>
      {rows.map(({ d, label, top, barTop }) => {
        const w = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, (d.value / max) * plot);
        return (
          <g>
            <text x="0" y={top + size} font-size={size} fill={INK}>
              {label.truncated ? <title>{d.label}</title> : null}
              {label.lines.map((line, i) => (
                <tspan x="0" dy={i === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            <line x1="0" y1={barTop - 2} x2="0" y2={barTop + bar + 2} stroke={GRID} stroke-width="1" />
            {w > 0 ? <rect x="0" y={barTop} width={w.toFixed(1)} height={bar} fill={props.colour} /> : null}
            <text x={(w + 6).toFixed(1)} y={barTop + bar - 3} font-size={size} font-weight="600" fill={INK}>
              {d.text}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** A line chart of a series over periods as server-rendered SVG; gaps where values are missing or suppressed. */
export function TrendChart(props: ChartProps) {
  const size = 14;
  const height = 220;
  const left = 30;
  const top = 26;
  const bottom = 34;
  // room for half a period label beyond the last point
  const plotW = WIDTH - left - 34;
  const plotH = height - top - bottom;
  const max = Math.max(maxOf(props.data), props.goal?.value ?? 0);
  const n = props.data.length;
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const segments: string[] = [];
  let current = '';
  props.data.forEach((d, i) => {
    if (d.value === null) {
      if (current) segments.push(current);
      current = '';
    } else current += `${current ? ' L' : 'M'}${x(i).toFixed(1)},${y(d.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const every = Math.max(1, Math.ceil(n / 4));
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={WIDTH} height={height}>
      <line x1={left} y1={top + plotH} x2={left + plotW} y2={top + plotH} stroke={GRID} stroke-width="1" />
      <line x1={left} y1={top} x2={left} y2={top + plotH} stroke={GRID} stroke-width="1" />
      <line x1={left - 4} y1={top} x2={left + plotW} y2={top} stroke={GRID} stroke-width="1" stroke-dasharray="2 4" />
      <text x="0" y={top - 8} font-size={size} fill={INK}>
        {formatValue(max, props.unit, props.lang)}
      </text>
      <text x={left - 6} y={top + plotH + 5} text-anchor="end" font-size={size} fill={INK}>
        0
      </text>
      {props.goal ? (
        <g id={`${props.id}-goal`}>
          <line
            x1={left}
            y1={y(props.goal.value).toFixed(1)}
            x2={left + plotW}
            y2={y(props.goal.value).toFixed(1)}
            stroke={INK}
            stroke-width="2"
            stroke-dasharray="8 4"
          />
          <text x={left + plotW} y={(y(props.goal.value) - 5).toFixed(1)} text-anchor="end" font-size={size} fill={INK}>
            {props.goal.label}
          </text>
        </g>
      ) : null}
      {segments.map((d) => (
        <path d={d} fill="none" stroke={props.colour} stroke-width="3" />
      ))}
      {props.data.map((d, i) => (
        <g>
          {d.value !== null ? <circle cx={x(i).toFixed(1)} cy={y(d.value).toFixed(1)} r="4" fill={props.colour} /> : null}
          {(i % every === 0 && n - 1 - i >= every) || i === n - 1 ? (
            <text x={x(i).toFixed(1)} y={height - 10} text-anchor="middle" font-size={size} fill={INK}>
              {d.label}
            </text>
          ) : null}
        </g>
      ))}
    </Frame>
  );
}
