import type { CaseTabProps } from '../../app/case-tabs';

export const CaseOverview = ({ caseId }: CaseTabProps) => <p>Case {caseId}</p>;
