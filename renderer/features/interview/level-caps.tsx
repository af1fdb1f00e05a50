import { readinessLevelLabels, readinessLevels, type ReadinessLevel } from '../../../shared/interview/bank-schema';
import type { Gate, ScoreResult } from '../../../shared/interview/score-types';

const rank = (level: ReadinessLevel) => readinessLevels.indexOf(level);

/** "Pacesetter needs a published AI policy": a requirement gate caps at the level below the one it guards. */
const capText = (gate: Gate): string => {
  if (gate.kind !== 'requirement') return gate.title;
  const guarded = readinessLevels[rank(gate.cap) - 1] ?? 'pacesetter';
  return `${readinessLevelLabels[guarded]} needs ${gate.title.charAt(0).toLowerCase()}${gate.title.slice(1)}`;
};

/** Why the level is what it is: the caps that bind (below the index's own level) and a provisional note. */
export const LevelCaps = ({ score }: { score: ScoreResult }) => {
  // A cap at or above the index's level changes nothing; listing it would only repeat the findings.
  const binding = score.gates.filter((g) => g.active && rank(g.cap) > rank(score.levelBeforeGates));
  return (
    <>
      {score.provisional && <p className="muted results-provisional">Provisional: {score.provisional.reason}</p>}
      {binding.length > 0 && (
        <p className="results-capped">
          Capped from {readinessLevelLabels[score.levelBeforeGates]} to {readinessLevelLabels[score.level]} by: {binding.map(capText).join('; ')}
        </p>
      )}
    </>
  );
};
