import { readinessLevels, type ReadinessLevel } from '../../../shared/interview/bank-schema';
import type { Gate, ScoreResult } from '../../../shared/interview/score-types';
import { useText, type AppText } from '../../i18n/app-intl';
import { levelIds } from '../../i18n/label-ids';

const rank = (level: ReadinessLevel) => readinessLevels.indexOf(level);

/** "Pacesetter needs a published AI policy": a requirement gate caps at the level below the one it guards. */
const capText = ({ t }: AppText, gate: Gate): string => {
  if (gate.kind !== 'requirement') return gate.title;
  const guarded = readinessLevels[rank(gate.cap) - 1] ?? 'pacesetter';
  return t('results.needs', { level: t(levelIds[guarded]), requirement: `${gate.title.charAt(0).toLowerCase()}${gate.title.slice(1)}` });
};

/** Why the level is what it is: the caps that bind (below the index's own level) and a provisional note. */
export const LevelCaps = ({ score }: { score: ScoreResult }) => {
  const text = useText();
  const { t } = text;
  // A cap at or above the index's level changes nothing; listing it would only repeat the findings.
  const binding = score.gates.filter((g) => g.active && rank(g.cap) > rank(score.levelBeforeGates));
  return (
    <>
      {score.provisional && <p className="muted results-provisional">{t('results.provisional', { reason: score.provisional.reason })}</p>}
      {binding.length > 0 && (
        <p className="results-capped">
          {t('results.capped', {
            from: t(levelIds[score.levelBeforeGates]),
            to: t(levelIds[score.level]),
            gates: text.fmt.locale === 'fr-CA' ? binding.map((g) => capText(text, g)).join('\u202f; ') : binding.map((g) => capText(text, g)).join('; '),
          })}
        </p>
      )}
    </>
  );
};
