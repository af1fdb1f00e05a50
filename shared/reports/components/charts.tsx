/** @jsxRuntime automatic @jsxImportSource react */
import type { Sample } from '../report-source';
import { useReportText } from './report-text';

/** Charts as plain inline SVG: they print sharply, need no script and embed anywhere. */

export interface RadarPoint {
  readonly label: string;
  /** 0–100. */
  readonly value: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Splits a label into at most two lines of about `width` characters, at spaces where it can. */
export const wrapLabel = (label: string, width = 16): string[] => {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  const [first = '', ...rest] = lines;
  const second = rest.join(' ');
  const clip = (t: string) => (t.length > width + 4 ? `${t.slice(0, width + 3)}…` : t);
  return second ? [clip(first), clip(second)] : [clip(first)];
};

/** `label` names the chart for screen readers, in the language of the page it is on. */
export const RadarChart = ({ points, color, label, size = 280 }: { points: readonly RadarPoint[]; color: string; label: string; size?: number }) => {
  const fontSize = 12;
  const labels = points.map((p) => {
    const lines = wrapLabel(p.label);
    return [...lines.slice(0, -1), `${lines.at(-1) ?? ''} (${Math.round(p.value)})`];
  });
  // Room either side for the longest label line, at about 0.6 em a character.
  const longest = Math.max(8, ...labels.flat().map((l) => l.length));
  const labelRoom = Math.round(longest * fontSize * 0.6) + 12;
  const width = size + labelRoom * 2;
  const height = size + 60;
  const cx = width / 2;
  const cy = height / 2;
  const r = size / 2 - 10;
  const n = Math.max(points.length, 3);
  const at = (i: number, value: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [round(cx + Math.cos(angle) * r * (value / 100)), round(cy + Math.sin(angle) * r * (value / 100))];
  };
  const ring = (value: number) => Array.from({ length: n }, (_, i) => at(i, value).join(',')).join(' ');
  const shape = points.map((p, i) => at(i, Math.max(0, Math.min(100, p.value))).join(',')).join(' ');
  return (
    <svg className="gw-chart gw-radar" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      {[25, 50, 75, 100].map((v) => (
        <polygon key={v} points={ring(v)} fill="none" stroke="#c8ccd2" strokeWidth={1} />
      ))}
      {Array.from({ length: n }, (_, i) => {
        const [x, y] = at(i, 100);
        return <line key={i} x1={cx} y1={cy} x2={x} y2={y} stroke="#d8dbe0" strokeWidth={1} />;
      })}
      {points.length >= 3 ? <polygon points={shape} fill={color} fillOpacity={0.25} stroke={color} strokeWidth={2} /> : null}
      {points.map((p, i) => {
        const [x, y] = at(i, 100);
        const [px, py] = at(i, Math.max(0, Math.min(100, p.value)));
        const anchor = Math.abs(x - cx) < 4 ? 'middle' : x > cx ? 'start' : 'end';
        const lines = labels[i] ?? [];
        const lineHeight = fontSize + 2;
        // Above the chart the label grows upwards, below it downwards, at the sides it is centred.
        const top = y < cy - 4 ? y - 8 - (lines.length - 1) * lineHeight : y > cy + 4 ? y + 18 : y + 4 - ((lines.length - 1) * lineHeight) / 2;
        const tx = x + (anchor === 'start' ? 6 : anchor === 'end' ? -6 : 0);
        return (
          <g key={`${p.label}-${i}`}>
            <circle cx={px} cy={py} r={3} fill={color} />
            <text x={tx} y={top} textAnchor={anchor} fontSize={fontSize} fill="#222">
              {lines.map((line, k) => (
                <tspan key={k} x={tx} dy={k === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

export interface Bar {
  readonly label: string;
  readonly value: number;
}

export const BarChart = ({ bars, color, max = 100, unit = '' }: { bars: readonly Bar[]; color: string; max?: number; unit?: string }) => {
  const rowHeight = 22;
  const labelWidth = 170;
  const barWidth = 300;
  const height = bars.length * rowHeight + 6;
  const top = Math.max(max, ...bars.map((b) => b.value), 1);
  return (
    <svg className="gw-chart gw-bars" viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`} width={labelWidth + barWidth + 70} height={height} role="img" aria-label="Bar chart">
      {bars.map((b, i) => {
        const w = round((Math.max(0, b.value) / top) * barWidth);
        const y = i * rowHeight + 3;
        return (
          <g key={`${b.label}-${i}`}>
            <text x={labelWidth - 8} y={y + 14} textAnchor="end" fontSize={11} fill="#222">
              {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y} width={barWidth} height={16} fill="#eef0f3" />
            <rect x={labelWidth} y={y} width={w} height={16} fill={color} />
            <text x={labelWidth + barWidth + 6} y={y + 13} fontSize={11} fill="#222">
              {Math.round(b.value * 10) / 10}
              {unit}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

/** Values over time (latency, throughput): a line with min/max guides and a time axis in seconds. */
export const TimeSeriesChart = ({ samples, color, unit, label }: { samples: readonly Sample[]; color: string; unit: string; label: string }) => {
  const { t } = useReportText();
  const width = 520;
  const height = 160;
  const left = 48;
  const bottom = 22;
  const plotW = width - left - 10;
  const plotH = height - bottom - 10;
  if (samples.length === 0) return null;
  const t0 = samples[0]!.t;
  const tMax = Math.max(...samples.map((s) => s.t - t0), 1);
  const vMax = Math.max(...samples.map((s) => s.value), 0);
  const vTop = vMax <= 0 ? 1 : vMax * 1.1;
  const x = (t: number) => round(left + ((t - t0) / tMax) * plotW);
  const y = (v: number) => round(10 + plotH - (Math.max(0, v) / vTop) * plotH);
  const path = samples.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(s.t)},${y(s.value)}`).join(' ');
  const ticks = [0, 0.5, 1].map((f) => vTop * f);
  return (
    <svg className="gw-chart gw-series" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`${label} over time`}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={width - 10} y1={y(v)} y2={y(v)} stroke="#e2e5e9" strokeWidth={1} />
          <text x={left - 4} y={y(v) + 4} textAnchor="end" fontSize={10} fill="#555">
            {Math.round(v * 10) / 10}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={color} strokeWidth={1.5} />
      <text x={left} y={height - 4} fontSize={10} fill="#555">
        0 s
      </text>
      <text x={width - 10} y={height - 4} fontSize={10} fill="#555" textAnchor="end">
        {Math.round(tMax / 100) / 10} s
      </text>
      <text x={left + plotW / 2} y={height - 4} fontSize={10} fill="#555" textAnchor="middle">
        {t('measure.chartAxis')}
      </text>
      <text x={10} y={10 + plotH / 2} fontSize={10} fill="#555" textAnchor="middle" transform={`rotate(-90 10 ${10 + plotH / 2})`}>
        {unit}
      </text>
    </svg>
  );
};
