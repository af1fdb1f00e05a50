import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { CaseOwnership } from '../../../shared/domain/cases';
import type { CustomersByLevel } from '../../../shared/history/portfolio-schemas';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useText } from '../../i18n/app-intl';
import { levelIds } from '../../i18n/label-ids';

const width = 480;
const height = 190;
const top = 26;
const bottom = 34;
const slot = width / 4;
const barWidth = 56;

/**
 * One bar per readiness level, best first: how many customers sit at it at their latest scored
 * assessment. The counts are written on the bars and the figure's description says them all, so
 * nobody has to read a bar's height.
 */
const Bars = ({ data }: { data: CustomersByLevel }) => {
  const { t } = useText();
  const max = Math.max(1, ...data.levels.map((l) => l.customers));
  const plot = height - top - bottom;
  const sentences = data.levels.map((l) => t('portfolio.chart.bar', { level: t(levelIds[l.level]), count: l.customers }));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart levels-chart" role="img" aria-labelledby="levels-chart-title levels-chart-desc">
      <title id="levels-chart-title">{t('portfolio.chart.title')}</title>
      <desc id="levels-chart-desc">{sentences.join('. ')}</desc>
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} className="chart-grid" />
      {data.levels.map((l, i) => {
        const h = l.customers === 0 ? 0 : Math.max(3, (l.customers / max) * plot);
        const x = i * slot + (slot - barWidth) / 2;
        return (
          <g key={l.level}>
            <rect x={x} y={top + plot - h} width={barWidth} height={h} rx={3} className={`chart-bar bar-${l.level}`} />
            <text x={x + barWidth / 2} y={top + plot - h - 6} textAnchor="middle" className="chart-count">
              {l.customers}
            </text>
            <text x={i * slot + slot / 2} y={height - 12} textAnchor="middle" className="chart-axis">
              {t(levelIds[l.level])}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

export const LevelsChart = ({ ownership }: { ownership: CaseOwnership }) => {
  const { t } = useText();
  const query = useQuery({ queryKey: ['history', 'portfolio-levels', ownership], queryFn: () => api.getCustomersByLevel({ ownership }) });
  return (
    <figure className="card levels-figure">
      <h2 className="levels-title">{t('portfolio.chart.title')}</h2>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <LoadingState />
      ) : query.data.customers - query.data.unscored === 0 ? (
        <p className="muted">{t('portfolio.chart.empty')}</p>
      ) : (
        <Bars data={query.data} />
      )}
      {query.data && (
        <figcaption className="muted">
          {t('portfolio.chart.desc', { count: query.data.customers - query.data.unscored })}
          {query.data.unscored > 0 && <> {t('portfolio.chart.unscored', { count: query.data.unscored })}</>}
        </figcaption>
      )}
    </figure>
  );
};
