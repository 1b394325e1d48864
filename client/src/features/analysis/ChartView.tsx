import { useId, type ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  useXAxisScale,
  useYAxisScale,
  type BarShapeProps,
} from 'recharts';
import { chartRows, hiddenMarks, type ChartSpec } from './data';

const INK = '#0b0c0c';
const TICK = { fontSize: 13, fill: INK };

export interface ChartViewProps {
  spec: ChartSpec;
  /** What the chart shows, for assistive technology (the table beside it has the figures). */
  label: string;
  /** Called with the position and the series of a bar or point that is selected. */
  onSelect?: (index: number, seriesKey: string) => void;
  /** A fixed width in pixels (for drawing an image); otherwise the chart fills its container. */
  width?: number;
  height?: number;
}

/** Splits a label into at most `max` lines of about `size` characters. */
export function wrapLabel(text: string, size = 28, max = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > size) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = `${kept[max - 1].replace(/[,;:]?$/, '')}…`;
    return kept;
  }
  return lines;
}

/** How tall a chart is drawn: category charts grow with their categories and labels. */
export function chartHeight(spec: ChartSpec): number {
  if (spec.layout === 'time') return 300;
  const perCategory = spec.labels.map((l) => Math.max(wrapLabel(l).length * 16 + 10, spec.series.length * 16 + 10, 30));
  return 70 + perCategory.reduce((a, b) => a + b, 0);
}

/**
 * Draws a "c" marker where a count is hidden: a small hatched square at the base of where its bar
 * would start (or the top of its stack), never a bar of a made-up height.
 */
function HiddenMarks({ spec, patternId }: { spec: ChartSpec; patternId: string }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const across = spec.layout === 'category';
  const categoryScale = across ? yScale : xScale;
  const valueScale = across ? xScale : yScale;
  const size = 12;
  const marks = hiddenMarks(spec);
  if (!marks.length) return null;
  return (
    <g className="app-hidden-marks">
      <defs>
        <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={INK} strokeWidth="2" />
        </pattern>
      </defs>
      {marks.map((m) => {
        const key = spec.keys[m.index];
        const start = categoryScale(key, { position: 'start' });
        const end = categoryScale(key, { position: 'end' });
        const base = valueScale(m.base);
        if (start === undefined || end === undefined || base === undefined) return null;
        const band = end - start;
        const centre = m.slot === null ? start + band / 2 : start + band * 0.1 + ((band * 0.8) / spec.series.length) * (m.slot + 0.5);
        const series = m.slot === null ? '' : spec.series[m.slot].key;
        return across ? (
          <g key={`${m.index}-${series}`} data-hidden="c" data-key={key} data-series={series}>
            <rect x={base} y={centre - size / 2} width={size} height={size} fill={`url(#${patternId})`} stroke={INK} />
            <text x={base + size + 4} y={centre} dy="0.35em" fontSize={13} fontWeight={700} fill={INK}>
              c
            </text>
          </g>
        ) : (
          <g key={`${m.index}-${series}`} data-hidden="c" data-key={key} data-series={series}>
            <rect x={centre - size / 2} y={base - size} width={size} height={size} fill={`url(#${patternId})`} stroke={INK} />
            <text x={centre} y={base - size - 4} textAnchor="middle" fontSize={13} fontWeight={700} fill={INK}>
              c
            </text>
          </g>
        );
      })}
    </g>
  );
}

interface TooltipProps {
  active?: boolean;
  label?: string | number;
}

function TooltipBox({ active, label, spec }: TooltipProps & { spec: ChartSpec }) {
  const i = spec.keys.indexOf(String(label));
  if (!active || i < 0) return null;
  return (
    <div className="app-chart-tooltip">
      <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">{spec.labels[i]}</p>
      <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
        {spec.series.map((s) => (
          <li key={s.key}>
            {s.label}: {s.values[i]?.display ?? '–'}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CategoryTick({ x, y, payload, labels }: { x?: number | string; y?: number | string; payload?: { value: unknown }; labels: Map<string, string> }) {
  const key = typeof payload?.value === 'string' || typeof payload?.value === 'number' ? String(payload.value) : '';
  const lines = wrapLabel(labels.get(key) ?? key);
  return (
    <text x={x} y={y} textAnchor="end" fontSize={13} fill={INK}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${0.35 - (lines.length - 1) * 0.6}em` : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * One chart of the dashboard (Recharts): lines or bars over months, or bars by category. Hidden
 * counts are not drawn; a hatched "c" marks them. The chart is an image to assistive technology,
 * labelled with what it shows; its table holds the same figures.
 */
export function ChartView({ spec, label, onSelect, width, height }: ChartViewProps) {
  const patternId = `hatch-${useId().replace(/[^a-zA-Z0-9-]/g, '')}`;
  const rows = chartRows(spec);
  const labels = new Map(spec.keys.map((k, i) => [k, spec.labels[i]]));
  const h = height ?? chartHeight(spec);
  const size = width ? { width, height: h } : {};
  const many = spec.keys.length > 13;
  const legend =
    spec.series.length > 1 ? (
      <Legend
        itemSorter={null}
        wrapperStyle={{ fontSize: 14 }}
        formatter={(value: string | number) => <span className="app-chart-legend__text">{value}</span>}
      />
    ) : null;
  const tooltip = <Tooltip cursor={{ fill: '#f3f2f1' }} isAnimationActive={false} content={(p: TooltipProps) => <TooltipBox {...p} spec={spec} />} />;
  const select = (index: number, seriesKey: string) => (onSelect ? () => onSelect(index, seriesKey) : undefined);

  const barShape = (seriesKey: string) =>
    function BarShape(props: BarShapeProps): ReactElement {
      const payload = props.payload as { key?: string } | undefined;
      const index = spec.keys.indexOf(String(payload?.key));
      const cell = spec.series.find((s) => s.key === seriesKey)?.values[index];
      // A hidden count has no bar (a stack draws it as nothing; it must not be clickable either).
      if (!cell || cell.value === null) return <g />;
      const value = cell.display;
      return (
        <g className={onSelect ? 'app-chart-bar app-chart-bar--link' : 'app-chart-bar'} data-key={payload?.key} data-series={seriesKey} data-value={value} onClick={select(index, seriesKey)}>
          <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} fill={props.fill} />
        </g>
      );
    };

  let chart: ReactElement;
  if (spec.layout === 'category') {
    chart = (
      <BarChart {...size} data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 10, right: 30, bottom: 10, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={TICK} />
        <YAxis type="category" dataKey="key" width={220} interval={0} tick={(p: { x?: number | string; y?: number | string; payload?: { value: unknown } }) => <CategoryTick {...p} labels={labels} />} />
        {tooltip}
        {legend}
        {spec.series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} shape={barShape(s.key)} />
        ))}
        <HiddenMarks spec={spec} patternId={patternId} />
      </BarChart>
    );
  } else {
    const xAxis = (
      <XAxis
        dataKey="key"
        tickFormatter={(v: string) => labels.get(v) ?? v}
        tick={TICK}
        interval={many ? Math.ceil(spec.keys.length / 12) - 1 : 0}
        angle={-35}
        textAnchor="end"
        height={60}
      />
    );
    const marks = (spec.marks ?? []).map((m) => <ReferenceLine key={m} x={m} stroke="#505a5f" strokeOpacity={0.7} strokeDasharray="2 4" />);
    chart =
      spec.kind === 'line' ? (
        <LineChart {...size} data={rows} accessibilityLayer={false} margin={{ top: 20, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {xAxis}
          <YAxis allowDecimals={false} tick={TICK} width={48} />
          {tooltip}
          {legend}
          {marks}
          {spec.series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.colour}
              strokeWidth={3}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              connectNulls={false}
              isAnimationActive={false}
              activeDot={false}
              dot={(p: { cx?: number | null; cy?: number | null; index?: number }) => {
                const index = p.index ?? -1;
                const value = s.values[index];
                if (p.cx == null || p.cy == null || value?.value == null) return <g key={`${s.key}-${index}`} />;
                return (
                  <circle
                    key={`${s.key}-${index}`}
                    className={onSelect ? 'app-chart-point app-chart-point--link' : 'app-chart-point'}
                    cx={p.cx}
                    cy={p.cy}
                    r={onSelect ? 6 : 4}
                    fill={s.dashed ? '#ffffff' : s.colour}
                    stroke={s.colour}
                    strokeWidth={2}
                    data-key={spec.keys[index]}
                    data-series={s.key}
                    data-value={value.display}
                    onClick={select(index, s.key)}
                  />
                );
              }}
            />
          ))}
          <HiddenMarks spec={spec} patternId={patternId} />
        </LineChart>
      ) : (
        <BarChart {...size} data={rows} accessibilityLayer={false} margin={{ top: 20, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {xAxis}
          <YAxis allowDecimals={false} tick={TICK} width={48} />
          {tooltip}
          {legend}
          {marks}
          {spec.series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} stackId={spec.kind === 'stacked' ? 'stack' : undefined} isAnimationActive={false} shape={barShape(s.key)} />
          ))}
          <HiddenMarks spec={spec} patternId={patternId} />
        </BarChart>
      );
  }

  return (
    <div className="app-analysis-chart" role="img" aria-label={label}>
      {width ? chart : (
        <ResponsiveContainer width="100%" height={h}>
          {chart}
        </ResponsiveContainer>
      )}
    </div>
  );
}
