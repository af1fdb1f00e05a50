import { caseStatusLabels, type CaseStatus } from '../../shared/domain/cases';

export const StatusBadge = ({ status, archived = false }: { status: CaseStatus; archived?: boolean }) => (
  <span className="badges">
    <span className={`badge badge-${status}`}>{caseStatusLabels[status]}</span>
    {archived && <span className="badge badge-archived">Archived</span>}
  </span>
);
