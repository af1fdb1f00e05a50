import type { ComponentType } from 'react';
import { CaseOverview } from '../features/cases/case-overview';
import { ProbesTab } from '../features/probes/probes-tab';
import { ReportsTab } from '../features/reports/reports-tab';
import { InterviewTab } from '../features/interview/interview-tab';
import { ResultsTab } from '../features/interview/results-tab';
import { QuestionnaireTab } from '../features/questionnaire/questionnaire-tab';
import { ProposalTab } from '../features/proposals/proposal-tab';

export interface CaseTabProps {
  readonly caseId: string;
}

export interface CaseTab {
  /** The route segment: /cases/:caseId/<id>. */
  readonly id: string;
  readonly label: string;
  readonly Component: ComponentType<CaseTabProps>;
}

/** The tabs of an open case, in order. Each feature folder adds its own tab here. */
export const caseTabs: readonly CaseTab[] = [
  { id: 'overview', label: 'Overview', Component: CaseOverview },
  { id: 'questionnaire', label: 'Questionnaire', Component: QuestionnaireTab },
  { id: 'interview', label: 'Interview', Component: InterviewTab },
  { id: 'probes', label: 'Probes', Component: ProbesTab },
  { id: 'results', label: 'Results', Component: ResultsTab },
  { id: 'reports', label: 'Reports', Component: ReportsTab },
  { id: 'proposal', label: 'Proposal', Component: ProposalTab },
];
