import type { Stakeholder } from '../../../shared/interview/bank-schema';
import { minutesLeft } from './interview-model';
import { useCaseScore } from './use-interview';
import { useText } from '../../i18n/app-intl';
import { levelIds, stakeholderIds } from '../../i18n/label-ids';

/** Live pillar scores beside the interview, refreshed after every saved answer. */
export const PillarSidebar = ({ caseId, stakeholder }: { caseId: string; stakeholder: Stakeholder | null }) => {
  const score = useCaseScore(caseId);
  const data = score.data;
  const { t, percent } = useText();
  const progress = data && stakeholder ? data.progress.byStakeholder.find((p) => p.stakeholder === stakeholder) : data?.progress;
  return (
    <aside className="pillar-sidebar card" aria-labelledby="live-scores">
      <h2 id="live-scores">{t('sidebar.title')}</h2>
      {!data ? (
        <p className="muted">{score.isError ? t('sidebar.unavailable') : t('sidebar.scoring')}</p>
      ) : (
        <>
          <p className="sidebar-index">
            <strong>{data.index}</strong> / 100 · {t(levelIds[data.level])}
            <span className="muted"> · {t('results.pillarConfidence', { confidence: percent(data.confidence) })}</span>
            {data.provisional && <span className="muted"> {t('sidebar.provisional', { threshold: percent(data.provisional.threshold) })}</span>}
          </p>
          {progress && (
            <p className="muted sidebar-progress">
              {t('sidebar.progress', {
                hasStakeholder: stakeholder ? 'yes' : 'no',
                stakeholder: stakeholder ? t(stakeholderIds[stakeholder]) : '',
                answered: progress.answered,
                visible: progress.visible,
                minutes: minutesLeft(progress.secondsLeft),
              })}
            </p>
          )}
          <ul className="plain-list pillar-bars">
            {data.pillars.map((p) => (
              <li key={p.pillarId}>
                <div className="pillar-bar-label">
                  <span data-bank-text="">{p.title}</span>
                  <span>{p.knownCount > 0 ? p.score : '—'}</span>
                </div>
                <div className="pillar-bar" role="meter" aria-label={t('sidebar.pillarScore', { pillar: p.title })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.score}>
                  <div className="pillar-bar-fill" style={{ width: `${p.score}%`, opacity: 0.35 + 0.65 * p.confidence }} />
                </div>
              </li>
            ))}
          </ul>
          {data.gates.some((g) => g.active) && (
            <p className="sidebar-gate">{t('sidebar.gates', { count: data.gates.filter((g) => g.active).length })}</p>
          )}
          <p className="muted sidebar-bank">
            {t('results.bank', { bank: data.bankId, version: data.bankVersion })}
          </p>
        </>
      )}
    </aside>
  );
};
