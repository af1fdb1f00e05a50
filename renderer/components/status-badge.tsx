import type { CaseStatus } from '../../shared/domain/cases';
import { useText } from '../i18n/app-intl';
import { statusIds } from '../i18n/label-ids';

export const StatusBadge = ({ status, archived = false }: { status: CaseStatus; archived?: boolean }) => {
  const { t } = useText();
  return (
    <span className="badges">
      <span className={`badge badge-${status}`}>{t(statusIds[status])}</span>
      {archived && <span className="badge badge-archived">{t('common.archived')}</span>}
    </span>
  );
};
