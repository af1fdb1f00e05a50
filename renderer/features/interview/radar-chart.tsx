import type { PillarScore } from '../../../shared/interview/score-types';

const size = 360;
const centre = size / 2;
const radius = 140;

const point = (i: number, n: number, r: number): [number, number] => {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [centre + r * Math.cos(angle), centre + r * Math.sin(angle)];
};

const polygon = (values: readonly number[]): string =>
  values.map((v, i) => point(i, values.length, (radius * Math.max(0, Math.min(100, v))) / 100).map((c) => c.toFixed(1)).join(',')).join(' ');

/** Inline SVG radar of the pillar scores; the table beside it carries the same numbers for screen readers. */
export const RadarChart = ({ pillars }: { pillars: readonly PillarScore[] }) => {
  const n = pillars.length;
  if (n < 3) return null;
  const summary = pillars.map((p) => `${p.title} ${p.knownCount > 0 ? p.score : 'no data'}`).join(', ');
  return (
    <svg className="radar" viewBox={`-80 -20 ${size + 160} ${size + 40}`} role="img" aria-label={`Pillar scores: ${summary}`}>
      {[25, 50, 75, 100].map((ring) => (
        <polygon key={ring} points={polygon(pillars.map(() => ring))} className="radar-ring" />
      ))}
      {pillars.map((p, i) => {
        const [x, y] = point(i, n, radius);
        return <line key={p.pillarId} x1={centre} y1={centre} x2={x} y2={y} className="radar-spoke" />;
      })}
      <polygon points={polygon(pillars.map((p) => p.score))} className="radar-area" />
      {pillars.map((p, i) => {
        const [x, y] = point(i, n, (radius * p.score) / 100);
        return <circle key={p.pillarId} cx={x} cy={y} r={3.5} className="radar-dot" />;
      })}
      {pillars.map((p, i) => {
        const [x, y] = point(i, n, radius + 22);
        const anchor = Math.abs(x - centre) < 8 ? 'middle' : x < centre ? 'end' : 'start';
        return (
          <text key={p.pillarId} x={x} y={y} textAnchor={anchor} dominantBaseline="middle" className="radar-label">
            {p.title.length > 22 ? `${p.title.slice(0, 21)}…` : p.title}
          </text>
        );
      })}
    </svg>
  );
};
