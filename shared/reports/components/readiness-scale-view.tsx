/** @jsxRuntime automatic @jsxImportSource react */
import { scaleRange } from '../readiness-scale';
import type { ReportSource } from '../report-source';
import { useReportText } from './report-text';

/**
 * The level on a visible scale: four bands, worst on the left, the case's index marked, and a
 * legend saying what each level means. A level without the scale ("Follower") tells a CEO nothing.
 */
export const ReadinessScaleView = ({ source }: { source: ReportSource }) => {
  const { overall, scale } = source;
  const { t } = useReportText();
  if (!overall || scale.length === 0) return null;
  const worstFirst = [...scale].reverse();
  return (
    <div className="gw-scale" aria-label={t('scale.label')}>
      <div className="gw-scale-bar">
        {worstFirst.map((level, i) => {
          const start = level.minIndex;
          const end = i === worstFirst.length - 1 ? 100 : (worstFirst[i + 1]?.minIndex ?? 100);
          const current = level.label === overall.levelLabel;
          return (
            <div key={level.label} className={current ? 'gw-scale-band gw-scale-current' : 'gw-scale-band'} style={{ width: `${end - start}%` }}>
              {level.label}
            </div>
          );
        })}
        <div className="gw-scale-marker" style={{ left: `${Math.min(100, Math.max(0, overall.score))}%` }}>
          <span>{Math.round(overall.score)}</span>
        </div>
      </div>
      <table className="gw-scale-legend">
        <tbody>
          {scale.map((level, i) => (
            <tr key={level.label} className={level.label === overall.levelLabel ? 'gw-scale-current-row' : undefined}>
              <th scope="row">{level.label}</th>
              <td className="gw-num">{scaleRange(scale, i)}</td>
              <td>{level.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** Said only when a gate changed the level: "Capped at Follower (the index alone gives Chaser) by: …". */
export const CappedNote = ({ source }: { source: ReportSource }) => {
  const o = source.overall;
  const { t } = useReportText();
  if (!o || o.cappedBy.length === 0 || o.uncappedLevelLabel === o.levelLabel) return null;
  return (
    <p className="gw-capped">
      <span className="gw-label">{t('scale.capped', { level: o.levelLabel })}</span> {t('scale.cappedRest', { uncapped: o.uncappedLevelLabel, reasons: o.cappedBy.join('; ') })}
    </p>
  );
};
