import type { ComponentType } from 'react';
import { CaseOverview } from '../features/cases/case-overview';

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
export const caseTabs: readonly CaseTab[] = [{ id: 'overview', label: 'Overview', Component: CaseOverview }];
