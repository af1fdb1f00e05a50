import type { CaseTabProps } from '../../app/case-tabs';
import { QuestionnaireCreate } from './questionnaire-create';
import { QuestionnaireStatus } from './questionnaire-status';
import './questionnaire.css';

/** Before the visit: questionnaires the customer fills in, and what came back. */
export const QuestionnaireTab = ({ caseId }: CaseTabProps) => (
  <div className="questionnaire-tab">
    <QuestionnaireStatus caseId={caseId} />
    <QuestionnaireCreate caseId={caseId} />
  </div>
);
