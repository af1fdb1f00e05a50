import { readinessLevelLabels, stakeholderLabels, type Stakeholder } from '../../../shared/interview/bank-schema';
import { formatMinutes } from './interview-model';
import { useCaseScore } from './use-interview';

const percent = (n: number) => `${Math.round(n * 100)}%`;

/** Live pillar scores beside the interview, refreshed after every saved answer. */
export const PillarSidebar = ({ caseId, stakeholder }: { caseId: string; stakeholder: Stakeholder | null }) => {
  const score = useCaseScore(caseId);
  const data = score.data;
  const progress = data && stakeholder ? data.progress.byStakeholder.find((p) => p.stakeholder === stakeholder) : data?.progress;
  return (
    <aside className="pillar-sidebar card" aria-labelledby="live-scores">
      <h2 id="live-scores">Live scores</h2>
      {!data ? (
        <p className="muted">{score.isError ? 'Scores unavailable right now.' : 'Scoring…'}</p>
      ) : (
        <>
          <p className="sidebar-index">
            <strong>{data.index}</strong> / 100 · {readinessLevelLabels[data.level]}
            <span className="muted"> · confidence {percent(data.confidence)}</span>
            {data.provisional && <span className="muted"> (provisional: confidence below {percent(data.provisional.threshold)})</span>}
          </p>
          {progress && (
            <p className="muted sidebar-progress">
              {stakeholder ? `${stakeholderLabels[stakeholder]}: ` : ''}
              {progress.answered} of {progress.visible} · {formatMinutes(progress.secondsLeft)} left
            </p>
          )}
          <ul className="plain-list pillar-bars">
            {data.pillars.map((p) => (
              <li key={p.pillarId}>
                <div className="pillar-bar-label">
                  <span>{p.title}</span>
                  <span>{p.knownCount > 0 ? p.score : '—'}</span>
                </div>
                <div className="pillar-bar" role="meter" aria-label={`${p.title} score`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.score}>
                  <div className="pillar-bar-fill" style={{ width: `${p.score}%`, opacity: 0.35 + 0.65 * p.confidence }} />
                </div>
              </li>
            ))}
          </ul>
          {data.gates.some((g) => g.active) && (
            <p className="sidebar-gate">Capped by {data.gates.filter((g) => g.active).length} gate(s): critical findings or level requirements</p>
          )}
          <p className="muted sidebar-bank">
            Bank {data.bankId} {data.bankVersion}
          </p>
        </>
      )}
    </aside>
  );
};
