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

/**
 * A horizontal bar chart as server-rendered SVG (no script, no style attributes). Missing and
 * suppressed values draw no bar and show their symbol. The chart is an image with a title and
 * description; the data table beside it carries the same figures for screen readers.
 */
export function BarChart(props: ChartProps) {
  const row = 28;
  const labelWidth = 170;
  const width = 640;
  const plot = width - labelWidth - 90;
  const height = props.data.length * row + 10;
  const max = maxOf(props.data);
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={width} height={height}>
      <line x1={labelWidth} y1="0" x2={labelWidth} y2={height} stroke={GRID} stroke-width="1" />
      {props.data.map((d, i) => {
        const y = i * row + 5;
        const w = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, (d.value / max) * plot);
        return (
          <g>
            <text x={labelWidth - 8} y={y + 18} text-anchor="end" font-size="14" fill={INK}>
              {d.label}
            </text>
            {w > 0 ? <rect x={labelWidth} y={y + 4} width={w.toFixed(1)} height={row - 10} fill={props.colour} /> : null}
            <text x={labelWidth + w + 6} y={y + 18} font-size="14" fill={INK}>
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
  const width = 640;
  const height = 260;
  const left = 60;
  const bottom = 40;
  const plotW = width - left - 20;
  const plotH = height - bottom - 20;
  const max = maxOf(props.data);
  const n = props.data.length;
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => 20 + plotH - (v / max) * plotH;
  const segments: string[] = [];
  let current = '';
  props.data.forEach((d, i) => {
    if (d.value === null) {
      if (current) segments.push(current);
      current = '';
    } else current += `${current ? ' L' : 'M'}${x(i).toFixed(1)},${y(d.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const every = Math.max(1, Math.ceil(n / 8));
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={width} height={height}>
      <line x1={left} y1={20 + plotH} x2={left + plotW} y2={20 + plotH} stroke={GRID} stroke-width="1" />
      <line x1={left} y1="20" x2={left} y2={20 + plotH} stroke={GRID} stroke-width="1" />
      <text x={left - 6} y="26" text-anchor="end" font-size="13" fill={INK}>
        {formatValue(max, props.unit, props.lang)}
      </text>
      <text x={left - 6} y={24 + plotH} text-anchor="end" font-size="13" fill={INK}>
        0
      </text>
      {segments.map((d) => (
        <path d={d} fill="none" stroke={props.colour} stroke-width="3" />
      ))}
      {props.data.map((d, i) => (
        <g>
          {d.value !== null ? <circle cx={x(i).toFixed(1)} cy={y(d.value).toFixed(1)} r="4" fill={props.colour} /> : null}
          {i % every === 0 || i === n - 1 ? (
            <text x={x(i).toFixed(1)} y={height - 14} text-anchor="middle" font-size="13" fill={INK}>
              {d.label}
            </text>
          ) : null}
        </g>
      ))}
    </Frame>
  );
}
