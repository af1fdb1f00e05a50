import { caseOwnerships, type CaseOwnership } from '../../../shared/domain/cases';
import {
  portfolioProposalFilters,
  portfolioSorts,
  type PortfolioProposalFilter,
  type PortfolioSort,
  type SortDirection,
} from '../../../shared/history/portfolio-schemas';
import { readinessLevels, type ReadinessLevel } from '../../../shared/interview/bank-schema';

export interface PortfolioFilterValues {
  text: string;
  engineer: string;
  ownership: CaseOwnership;
  levels: ReadinessLevel[];
  proposals: PortfolioProposalFilter[];
  openCriticalOnly: boolean;
  sort: PortfolioSort;
  direction: SortDirection;
  page: number;
}

export const emptyPortfolioFilters: PortfolioFilterValues = {
  text: '',
  engineer: '',
  ownership: 'all',
  levels: [],
  proposals: [],
  openCriticalOnly: false,
  sort: 'lastActivity',
  direction: 'desc',
  page: 0,
};

/** Names and engineers read best A to Z; figures and dates most first. */
export const defaultDirection = (sort: PortfolioSort): SortDirection => (sort === 'customer' || sort === 'engineer' ? 'asc' : 'desc');

const listOf = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  [...new Set((value ?? '').split(','))].filter((v): v is T => (allowed as readonly string[]).includes(v));

/** The portfolio's filters live in the URL like the history's; anything malformed is dropped. */
export const portfolioFromParams = (params: URLSearchParams): PortfolioFilterValues => {
  const sort = params.get('sort') ?? '';
  const validSort = (portfolioSorts as readonly string[]).includes(sort) ? (sort as PortfolioSort) : emptyPortfolioFilters.sort;
  const dir = params.get('dir');
  // Whole digits only: parseInt would read "1e9" as page 1.
  const rawPage = params.get('page') ?? '';
  const page = /^\d{1,5}$/.test(rawPage) ? Number(rawPage) : 0;
  return {
    text: (params.get('q') ?? '').slice(0, 500),
    engineer: (params.get('engineer') ?? '').slice(0, 200),
    ownership: (caseOwnerships as readonly string[]).includes(params.get('cases') ?? '') ? (params.get('cases') as CaseOwnership) : 'all',
    levels: listOf<ReadinessLevel>(params.get('levels'), readinessLevels),
    proposals: listOf<PortfolioProposalFilter>(params.get('proposals'), portfolioProposalFilters),
    openCriticalOnly: params.get('critical') === '1',
    sort: validSort,
    direction: dir === 'asc' || dir === 'desc' ? dir : defaultDirection(validSort),
    page,
  };
};

export const paramsFromPortfolio = (f: PortfolioFilterValues): URLSearchParams => {
  const params = new URLSearchParams();
  if (f.text) params.set('q', f.text);
  if (f.engineer) params.set('engineer', f.engineer);
  if (f.ownership !== 'all') params.set('cases', f.ownership);
  if (f.levels.length > 0) params.set('levels', f.levels.join(','));
  if (f.proposals.length > 0) params.set('proposals', f.proposals.join(','));
  if (f.openCriticalOnly) params.set('critical', '1');
  if (f.sort !== emptyPortfolioFilters.sort) params.set('sort', f.sort);
  if (f.direction !== defaultDirection(f.sort)) params.set('dir', f.direction);
  if (f.page > 0) params.set('page', String(f.page));
  return params;
};
