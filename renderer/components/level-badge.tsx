import { readinessLevelLabels, type ReadinessLevel } from '../../shared/interview/bank-schema';

/** A readiness level in words; nothing when the case has no score yet. */
export const LevelBadge = ({ level }: { level: ReadinessLevel | null }) =>
  level ? <span className={`badge level-${level}`}>{readinessLevelLabels[level]}</span> : <span className="muted">Not scored</span>;
