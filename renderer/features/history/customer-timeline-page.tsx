import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import { QueryView } from '../../components/query-state';
import { LevelBadge } from '../../components/level-badge';
import type { HistoryRow } from '../../../shared/history/history-schemas';
import { useText } from '../../i18n/app-intl';


/** Readiness index over the customer's assessments, as an inline SVG line. */
const IndexChart = ({ assessments }: { assessments: readonly HistoryRow[] }) => {
  const { t, dateTime } = useText();
  const scored = assessments.filter((a) => a.readinessIndex !== null);
  if (scored.length === 0) return <p className="muted">{t('timeline.noScore')}</p>;
  const width = 640;
  const height = 180;
  const pad = 32;
  const x = (i: number) => (scored.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (scored.length - 1));
  const y = (v: number) => height - pad - (v / 100) * (height - 2 * pad);
  const points = scored.map((a, i) => `${x(i)},${y(a.readinessIndex as number)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={t('timeline.chart', { count: scored.length })}>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={pad} x2={width - pad} y1={y(v)} y2={y(v)} className="chart-grid" />
          <text x={4} y={y(v) + 4} className="chart-label">
            {v}
          </text>
        </g>
      ))}
      <polyline points={points} className="chart-line" />
      {scored.map((a, i) => (
        <g key={a.id}>
          <circle cx={x(i)} cy={y(a.readinessIndex as number)} r={5} className="chart-point" />
          <text x={x(i)} y={height - 8} textAnchor="middle" className="chart-label">
            {dateTime(a.createdAt)}
          </text>
        </g>
      ))}
    </svg>
  );
};

export const CustomerTimelinePage = () => {
  const { customerId = '' } = useParams();
  const timeline = useQuery({ queryKey: ['history', 'timeline', customerId], queryFn: () => api.getCustomerTimeline({ customerId }) });
  const [picked, setPicked] = useState<string[]>([]);
  const { t: tr, dateTime, number } = useText();
  const pick = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  return (
    <section className="page" aria-labelledby="timeline-title">
      <QueryView query={timeline}>
        {(t) => (
          <>
            <p className="breadcrumb">
              <Link to="/history">{tr('history.title')}</Link> / {tr('timeline.breadcrumb')}
            </p>
            <h1 id="timeline-title" className="clip" dir="auto">
              {t.customerName}
            </h1>
            <div className="card">
              <h2>{tr('timeline.overTime')}</h2>
              <IndexChart assessments={t.assessments} />
            </div>
            <div className="card">
              <div className="page-header">
                <h2>{tr('timeline.assessments')}</h2>
                {picked.length === 2 ? (
                  <Link to={`/history/compare/${picked[0]}/${picked[1]}`} className="button button-primary">
                    {tr('timeline.compareTwo')}
                  </Link>
                ) : (
                  <span className="muted">{tr('timeline.pickTwo')}</span>
                )}
              </div>
              <ol className="timeline">
                {t.assessments.map((a) => (
                  <li key={a.id} className="timeline-item">
                    <label className="checkbox">
                      <input type="checkbox" checked={picked.includes(a.id)} onChange={() => pick(a.id)} />
                      <span className="visually-hidden">{tr('timeline.pick')}</span>
                    </label>
                    <time dateTime={a.createdAt}>{dateTime(a.createdAt)}</time>
                    <Link to={`/cases/${a.id}`} className="case-link clip" dir="auto">
                      {a.title || a.siteName || tr('timeline.assessment')}
                    </Link>
                    <LevelBadge level={a.level} />
                    <span className="muted">{a.readinessIndex === null ? '' : tr('timeline.index', { index: number(Math.round(a.readinessIndex)) })}</span>
                    {a.previousCaseId && <span className="badge badge-draft">{tr('timeline.reassessment')}</span>}
                  </li>
                ))}
              </ol>
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
};
