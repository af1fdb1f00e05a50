import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import { QueryView } from '../../components/query-state';
import { LevelBadge } from '../../components/level-badge';
import type { Comparison } from '../../../shared/history/compare';
import { useMeasurementWords } from '../../i18n/use-measurement-words';
import { useText } from '../../i18n/app-intl';
import { severityIds } from '../../i18n/label-ids';
import { useIntl, type IntlShape } from 'react-intl';

/** A change with its sign, in the app's locale: "+3.5" / "+3,5", "−1,25". */
const signedWith = (intl: IntlShape) => (n: number | null, digits = 1) =>
  n === null ? '—' : intl.formatNumber(n, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits });

const FindingList = ({ title, items, tone }: { title: string; items: Comparison['findings']['resolved']; tone: string }) => {
  const { t } = useText();
  return (
  <div className={`finding-group finding-group-${tone}`}>
    <h3>{t('historyCompare.group', { title, count: items.length })}</h3>
    {items.length === 0 ? (
      <p className="muted">{t('historyCompare.none')}</p>
    ) : (
      <ul>
        {items.map((f) => (
          <li key={f.id}>
            <span className={`badge severity-${f.severity}`}>{t(severityIds[f.severity])}</span> <span dir="auto">{f.title}</span>
          </li>
        ))}
      </ul>
    )}
  </div>
  );
};

/** Two assessments of one customer side by side: what moved, what was fixed, what is new. */
export const ComparePage = () => {
  const { first = '', second = '' } = useParams();
  const comparison = useQuery({
    queryKey: ['history', 'compare', first, second],
    queryFn: () => api.compareAssessments({ firstCaseId: first, secondCaseId: second }),
  });
  const intl = useIntl();
  const signed = signedWith(intl);
  const { t, dateTime, number } = useText();
  const words = useMeasurementWords();
  return (
    <section className="page" aria-labelledby="compare-title">
      <p className="breadcrumb">
        <Link to="/history">{t('history.title')}</Link> / {t('historyCompare.breadcrumb')}
      </p>
      <h1 id="compare-title">{t('historyCompare.title')}</h1>
      <QueryView query={comparison}>
        {(c) => (
          <>
            <div className="compare-heads">
              {[c.before, c.after].map((side, i) => (
                <div key={side.caseId} className="card compare-head">
                  <p className="muted">{i === 0 ? t('historyCompare.before') : t('historyCompare.after')}</p>
                  <Link to={`/cases/${side.caseId}`} className="case-link">
                    {side.title || t('timeline.assessment')}
                  </Link>
                  <p>
                    {dateTime(side.createdAt)} · <LevelBadge level={side.level} />{' '}
                    {side.readinessIndex !== null && <span>{t('timeline.index', { index: number(Math.round(side.readinessIndex)) })}</span>}
                  </p>
                </div>
              ))}
              <div className="card compare-head">
                <p className="muted">{t('historyCompare.indexChange')}</p>
                <p className="big-number">{signed(c.indexDelta)}</p>
              </div>
            </div>
            <div className="card">
              <h2>{t('historyCompare.pillars')}</h2>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('historyCompare.pillar')}</th>
                    <th scope="col">{t('historyCompare.before')}</th>
                    <th scope="col">{t('historyCompare.after')}</th>
                    <th scope="col">{t('historyCompare.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.pillars.map((p) => (
                    <tr key={p.pillarId}>
                      <td>{p.title}</td>
                      <td>{p.before === null ? '—' : number(Math.round(p.before))}</td>
                      <td>{p.after === null ? '—' : number(Math.round(p.after))}</td>
                      <td className={p.delta === null ? '' : p.delta > 0 ? 'delta-up' : p.delta < 0 ? 'delta-down' : ''}>{signed(p.delta)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="card">
              <h2>{t('historyCompare.findings')}</h2>
              <div className="finding-groups">
                <FindingList title={t('historyCompare.resolved')} items={c.findings.resolved} tone="good" />
                <FindingList title={t('historyCompare.new')} items={c.findings.new} tone="problem" />
                <FindingList title={t('historyCompare.stillOpen')} items={c.findings.stillOpen} tone="watch" />
              </div>
            </div>
            <div className="card">
              <h2>{t('historyCompare.measurements')}</h2>
              {c.metrics.length === 0 ? (
                <p className="muted">{t('historyCompare.noMeasurements')}</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('historyCompare.metric')}</th>
                      <th scope="col">{t('historyCompare.before')}</th>
                      <th scope="col">{t('historyCompare.after')}</th>
                      <th scope="col">{t('historyCompare.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.metrics.map((m) => (
                      <tr key={m.metric}>
                        <td>{words.label(m.metric)}</td>
                        <td>{m.before === null ? '—' : number(m.before, 2)}</td>
                        <td>{m.after === null ? '—' : number(m.after, 2)}</td>
                        <td className={m.improved === null ? '' : m.improved ? 'delta-up' : 'delta-down'}>
                          {signed(m.delta, 2)}
                          {m.improved !== null && <span className="visually-hidden">{' '}{m.improved ? t('historyCompare.better') : t('historyCompare.worse')}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
};
