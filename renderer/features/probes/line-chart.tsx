import { useText } from '../../i18n/app-intl';
import { intlLocaleOf, type AppLocale } from '../../../shared/i18n/locales';

export interface ChartSeries {
  readonly name: string;
  readonly points: readonly { t: number; value: number | null }[];
}

interface LineChartProps {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly ChartSeries[];
  readonly width?: number;
  readonly height?: number;
}

const palette = ['#1f4e79', '#c2410c', '#15803d', '#7e22ce', '#0e7490', '#a16207'];

const niceMax = (value: number): number => {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
};

/** A measurement in the app's language, as many decimals as its size deserves (English ungrouped, as it always was: "1500"). */
export const measureNumber = (locale: AppLocale, n: number, digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2): string =>
  new Intl.NumberFormat(intlLocaleOf(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: locale === 'fr-CA' }).format(n).replace(/\u202f/g, '\u00a0');

/** An inline SVG line chart (no scripts, no remote resources): time in seconds across, value up. Lost samples are gaps. */
export const LineChart = ({ title, unit, series, width = 560, height = 200 }: LineChartProps) => {
  const { t, locale } = useText();
  const format = (n: number) => measureNumber(locale, n);
  const margin = { top: 12, right: 12, bottom: 28, left: 48 };
  const all = series.flatMap((s) => s.points);
  const values = all.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const tMax = Math.max(...all.map((p) => p.t), 1);
  // Offsets can be negative: the axis spans zero and both extremes.
  const yMax = Math.max(...values) > 0 ? niceMax(Math.max(...values)) : 0;
  const yMin = Math.min(...values) < 0 ? -niceMax(-Math.min(...values)) : 0;
  const span = yMax - yMin || 1;
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (t: number) => margin.left + (t / tMax) * plotW;
  const y = (v: number) => margin.top + plotH - ((v - yMin) / span) * plotH;
  const paths = series.map((s) => {
    let d = '';
    let pen = false;
    for (const p of s.points) {
      if (p.value === null) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.value).toFixed(1)} `;
      pen = true;
    }
    return d.trim();
  });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => yMin + f * span);
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * tMax);
  return (
    <figure className="probe-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('probes.chart.label', { title, min: format(Math.min(...values)), max: format(Math.max(...values)), unit })}>
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} className="probe-chart-grid" />
            <text x={margin.left - 6} y={y(v) + 4} textAnchor="end" className="probe-chart-label">
              {format(v)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text key={`x${tick}`} x={x(tick)} y={height - 8} textAnchor="middle" className="probe-chart-label">
            {t('probes.seconds', { n: measureNumber(locale, tick / 1000, 1) })}
          </text>
        ))}
        <text x={12} y={margin.top + plotH / 2} className="probe-chart-label" transform={`rotate(-90 12 ${margin.top + plotH / 2})`} textAnchor="middle">
          {unit}
        </text>
        {paths.map((d, i) => (
          <path key={series[i]?.name} d={d} fill="none" stroke={palette[i % palette.length]} strokeWidth={1.8} />
        ))}
      </svg>
      {series.length > 1 && (
        <ul className="probe-chart-legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <svg width="14" height="4" aria-hidden="true">
                <rect width="14" height="4" fill={palette[i % palette.length]} />
              </svg>{' '}
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
};
