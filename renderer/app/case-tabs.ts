import type { ComponentType } from 'react';
import { CaseOverview } from '../features/cases/case-overview';
import { ProbesTab } from '../features/probes/probes-tab';
import { ReportsTab } from '../features/reports/reports-tab';
import { InterviewTab } from '../features/interview/interview-tab';
import { ResultsTab } from '../features/interview/results-tab';
import { QuestionnaireTab } from '../features/questionnaire/questionnaire-tab';
import { ProposalTab } from '../features/proposals/proposal-tab';
import type { UiMessageId } from '../../shared/i18n/ui-messages-en';

export interface CaseTabProps {
  readonly caseId: string;
}

export interface CaseTab {
  /** The route segment: /cases/:caseId/<id>. */
  readonly id: string;
  /** The tab's name, as a message id. */
  readonly label: UiMessageId;
  readonly Component: ComponentType<CaseTabProps>;
}

/** The tabs of an open case, in order. Each feature folder adds its own tab here. */
export const caseTabs: readonly CaseTab[] = [
  { id: 'overview', label: 'case.tab.overview', Component: CaseOverview },
  { id: 'questionnaire', label: 'case.tab.questionnaire', Component: QuestionnaireTab },
  { id: 'interview', label: 'case.tab.interview', Component: InterviewTab },
  { id: 'probes', label: 'case.tab.probes', Component: ProbesTab },
  { id: 'results', label: 'case.tab.results', Component: ResultsTab },
  { id: 'reports', label: 'case.tab.reports', Component: ReportsTab },
  { id: 'proposal', label: 'case.tab.proposal', Component: ProposalTab },
];
