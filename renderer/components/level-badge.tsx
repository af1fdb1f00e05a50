import type { ReadinessLevel } from '../../shared/interview/bank-schema';
import { useText } from '../i18n/app-intl';
import { levelIds } from '../i18n/label-ids';

/** A readiness level in words; nothing when the case has no score yet. */
export const LevelBadge = ({ level }: { level: ReadinessLevel | null }) => {
  const { t } = useText();
  return level ? <span className={`badge level-${level}`}>{t(levelIds[level])}</span> : <span className="muted">{t('common.notScored')}</span>;
};
